using System.Text;
using Connect.Lint.Rules.Model;
using Connect.Lint.Rules.Model.Manifest;
using Connect.Lint.Rules.Model.Python;
using Connect.Lint.Rules.Model.Requirements;
using Connect.Lint.Rules.Model.Text;

namespace Connect.Lint.Tests.RuleTests;

/// <summary>
/// A deployment built in memory for rule-level tests, as the loader would build it from these files: no disk, no
/// Git, no interpreter. File texts may carry <c>[|…|]</c> markup for the spans a rule is expected to report; the
/// markup is removed before anything sees the text. Facts that come from Git or Python are given as data.
/// </summary>
public sealed class TestDeployment
{
    /// <summary>Where the deployment pretends to live; never touched.</summary>
    public const string Root = "/in-memory/project";

    private readonly Dictionary<string, string> _files = new(StringComparer.Ordinal);
    private readonly List<(string Path, int Start, int End)> _spans = [];
    private readonly HashSet<string> _tracked = new(StringComparer.Ordinal);
    private readonly HashSet<string> _lfs = new(StringComparer.Ordinal);
    private bool _git;
    private PythonFacts? _python;
    private EnvironmentFacts? _interpreterEnvironment;
    private Func<Deployment, Deployment> _adjust = d => d;

    public static string PathOf(string relative) => Root + "/" + relative;

    /// <summary>A file of the deployment; <c>[|…|]</c> marks an expected span.</summary>
    public TestDeployment File(string relative, string markedText)
    {
        _spans.RemoveAll(s => s.Path == relative);
        var clean = new StringBuilder();
        var opened = new Stack<int>();
        for (var i = 0; i < markedText.Length; i++)
        {
            if (string.CompareOrdinal(markedText, i, "[|", 0, 2) == 0)
            {
                opened.Push(clean.Length);
                i++;
            }
            else if (string.CompareOrdinal(markedText, i, "|]", 0, 2) == 0 && opened.Count > 0)
            {
                _spans.Add((relative, opened.Pop(), clean.Length));
                i++;
            }
            else
            {
                clean.Append(markedText[i]);
            }
        }

        _files[relative] = clean.ToString();
        return this;
    }

    public TestDeployment Manifest(string markedJson) => File("manifest.json", markedJson);

    /// <summary>
    /// A manifest as rsconnect writes it for the files added so far (current checksums, requirements file first);
    /// <paramref name="edit"/> changes its text (to make it stale, or to mark a span with <c>[|…|]</c>).
    /// </summary>
    public TestDeployment CurrentManifest(string entrypoint = "app:app", Func<string, string>? edit = null, string packageFile = "requirements.txt")
    {
        var listed = _files.Keys.Where(p => p != "manifest.json")
            .OrderBy(p => p == packageFile ? 0 : 1).ThenBy(p => p, StringComparer.Ordinal)
            .Select(p => $"    \"{p}\": {{\n      \"checksum\": \"{ChecksumOf(p, packageFile)}\"\n    }}");
        var json = "{\n  \"version\": 1,\n  \"locale\": \"en_US.UTF-8\",\n  \"metadata\": {\n    \"appmode\": \"python-api\",\n" +
                   $"    \"entrypoint\": \"{entrypoint}\"\n  }},\n  \"python\": {{\n    \"version\": \"3.11.2\",\n    \"package_manager\": {{\n" +
                   $"      \"name\": \"pip\",\n      \"version\": \"23.0.1\",\n      \"package_file\": \"{packageFile}\"\n    }}\n  }},\n" +
                   $"  \"files\": {{\n{string.Join(",\n", listed)}\n  }}\n}}\n";
        return Manifest(edit is null ? json : edit(json));
    }

    private string ChecksumOf(string relative, string packageFile)
    {
        var bytes = Encoding.UTF8.GetBytes(_files[relative]);
        return relative == packageFile ? RequirementsChecksum.Compute(bytes) : Md5.HexOf(bytes);
    }

    /// <summary>The usual small Flask project: app.py and requirements.txt, no manifest yet.</summary>
    public static TestDeployment FlaskApp(string appPy = "from flask import Flask\n\napp = Flask(__name__)\n", string requirements = "flask==3.0.3\n") =>
        new TestDeployment().File("app.py", appPy).File("requirements.txt", requirements);

    /// <summary>The deployment is in a Git repository, and these paths are in its index.</summary>
    public TestDeployment Tracked(params string[] relative)
    {
        _git = true;
        _tracked.UnionWith(relative);
        return this;
    }

    public TestDeployment StoredWithLfs(params string[] relative)
    {
        _git = true;
        _lfs.UnionWith(relative);
        return this;
    }

    /// <summary>What the bridge answered (the import, static facts, installed packages).</summary>
    public TestDeployment Python(PythonFacts facts)
    {
        _python = facts;
        return this;
    }

    /// <summary>The interpreter's versions as a short query answers them (no import).</summary>
    public TestDeployment InterpreterEnvironment(EnvironmentFacts facts)
    {
        _interpreterEnvironment = facts;
        return this;
    }

    /// <summary>Anything else the loader would have set (unread files, server Python versions).</summary>
    public TestDeployment With(Func<Deployment, Deployment> adjust)
    {
        var previous = _adjust;
        _adjust = d => adjust(previous(d));
        return this;
    }

    public string TextOf(string relative) => _files[relative];

    /// <summary>The marked spans as locations (full paths, 1-based lines and columns).</summary>
    public IReadOnlyList<Connect.Lint.Rules.Analysis.Location> ExpectedSpans() =>
        _spans.Select(s => new SourceText(PathOf(s.Path), _files[s.Path]).LocationOf(s.Start, s.End))
            .OrderBy(l => l.FilePath, StringComparer.Ordinal).ThenBy(l => l.Line).ThenBy(l => l.Column).ToList();

    public Deployment Build()
    {
        var manifestPath = PathOf("manifest.json");
        var manifestLoad = _files.TryGetValue("manifest.json", out var manifestText)
            ? ManifestLoad.FromBytes(manifestPath, Encoding.UTF8.GetBytes(manifestText))
            : ManifestLoad.Missing(manifestPath);
        var manifest = manifestLoad.Manifest is { IsConnectManifest: true } m ? m : null;
        var packageFile = manifest?.PackageFile is { } listed && ManifestPaths.UnsafeReason(listed) is null ? listed : "requirements.txt";
        var inventory = _files.Keys.Where(p => p != "manifest.json").Order(StringComparer.Ordinal).ToList();
        var states = new Dictionary<string, FileState>(StringComparer.Ordinal);
        foreach (var (path, text) in _files)
        {
            var bytes = Encoding.UTF8.GetBytes(text);
            var checksum = path == packageFile ? RequirementsChecksum.Compute(bytes) : Md5.HexOf(bytes);
            states[path] = new FileState { Exists = true, Checksum = checksum, IsLfsPointer = LfsPointer.Is(bytes, bytes.Length) };
        }

        var texts = _files.Where(f => TextFileKinds.Of(f.Key) is not null)
            .Select(f => new TextFile(f.Key, new SourceText(PathOf(f.Key), f.Value), TextFileKinds.Of(f.Key)!.Value))
            .ToList();
        var requirements = _files.TryGetValue(packageFile, out var requirementsText)
            ? new List<RequirementsFile> { RequirementsParser.Parse(PathOf(packageFile), requirementsText) }
            : [];
        var suppressions = texts.Where(t => t.Kind == TextFileKind.Python).SelectMany(t => SuppressionScanner.Scan(t.FilePath, t.Text))
            .Concat(requirements.SelectMany(r => SuppressionScanner.Scan(r.FilePath, r.Source.Text)))
            .ToList();
        var deployment = new Deployment
        {
            Directory = Root,
            NamedExplicitly = true,
            ManifestLoad = manifestLoad,
            Inventory = inventory,
            Files = states,
            PackageFile = packageFile,
            Requirements = requirements,
            TextFiles = texts,
            Suppressions = suppressions,
            Git = _git
                ? new GitFacts(Root, _tracked, new HashSet<string>(), inventory.Where(p => !_tracked.Contains(p)).ToHashSet(), _lfs)
                : null,
            GitUnavailableReason = _git ? null : "not inside a Git repository",
            Python = _python,
            PythonUnavailableReason = _python is null ? "not asked (a rule-level test)" : null,
            InterpreterEnvironment = _interpreterEnvironment,
        };
        return _adjust(deployment);
    }
}
