using System.Text;
using Connect.Lint.Loading;
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
    private WorkTreeChanges? _changes;
    private DeploymentFacts _facts = DeploymentFacts.None with { Python = Fact<PythonFacts>.Unavailable("not asked (a rule-level test)") };
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

    /// <summary>How the work tree differs from the commit (<paramref name="commitChecked"/>: check --rev read the commit).</summary>
    public TestDeployment Changed(string commit, bool commitChecked, params WorkTreeChange[] files)
    {
        _git = true;
        _changes = new WorkTreeChanges(commit, commitChecked, files);
        return this;
    }

    public TestDeployment StoredWithLfs(params string[] relative)
    {
        _git = true;
        _lfs.UnionWith(relative);
        return this;
    }

    /// <summary>What the bridge answered (the import, static facts, installed packages).</summary>
    public TestDeployment Python(PythonFacts facts) => WithFacts(f => f with { Python = Fact<PythonFacts>.Gathered(facts) });

    /// <summary>The bridge could not answer, for this reason.</summary>
    public TestDeployment PythonUnavailable(string reason) => WithFacts(f => f with { Python = Fact<PythonFacts>.Unavailable(reason) });

    /// <summary>The interpreter's versions as a short query answers them (no import).</summary>
    public TestDeployment InterpreterEnvironment(EnvironmentFacts facts) => WithFacts(f => f with { InterpreterVersions = Fact<EnvironmentFacts>.Gathered(facts) });

    public TestDeployment InterpreterEnvironmentUnavailable(string reason) => WithFacts(f => f with { InterpreterVersions = Fact<EnvironmentFacts>.Unavailable(reason) });

    /// <summary>pip's resolution of the requirements (what Connect installs).</summary>
    public TestDeployment Closure(Connect.Lint.Rules.Model.Requirements.ResolvedClosure closure) => WithFacts(f => f with { Closure = Fact<Connect.Lint.Rules.Model.Requirements.ResolvedClosure>.Gathered(closure) });

    public TestDeployment ClosureUnavailable(string reason) => WithFacts(f => f with { Closure = Fact<Connect.Lint.Rules.Model.Requirements.ResolvedClosure>.Unavailable(reason) });

    /// <summary>What the deploy rehearsal showed.</summary>
    public TestDeployment Rehearsal(Connect.Lint.Rules.Model.Rehearsal.RehearsalFacts facts) => WithFacts(f => f with { Rehearsal = Fact<Connect.Lint.Rules.Model.Rehearsal.RehearsalFacts>.Gathered(facts) });

    private TestDeployment WithFacts(Func<DeploymentFacts, DeploymentFacts> change)
    {
        _facts = change(_facts);
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

    /// <summary>
    /// The deployment, made by the loader's own assembler from these files (<see cref="DeploymentAssembler"/>):
    /// text kinds, noqa comments and the package file come out as a check would make them.
    /// </summary>
    public Deployment Build()
    {
        var manifestPath = PathOf("manifest.json");
        var manifestLoad = _files.TryGetValue("manifest.json", out var manifestText)
            ? ManifestLoad.FromBytes(manifestPath, Encoding.UTF8.GetBytes(manifestText))
            : ManifestLoad.Missing(manifestPath);
        var packageFile = DeploymentAssembler.PackageFileOf(manifestLoad);
        var inventory = _files.Keys.Where(p => p != "manifest.json").Order(StringComparer.Ordinal).ToList();
        var states = new Dictionary<string, FileState>(StringComparer.Ordinal);
        foreach (var (path, text) in _files)
        {
            var bytes = Encoding.UTF8.GetBytes(text);
            var checksum = path == packageFile ? RequirementsChecksum.Compute(bytes) : Md5.HexOf(bytes);
            states[path] = new FileState { Exists = true, Checksum = checksum, IsLfsPointer = LfsPointer.Is(bytes, bytes.Length) };
        }

        var requirements = _files.TryGetValue(packageFile, out var requirementsText)
            ? new List<RequirementsFile> { RequirementsParser.Parse(PathOf(packageFile), requirementsText) }
            : [];
        var facts = _facts with
        {
            Git = _git
                ? Fact<GitFacts>.Gathered(new GitFacts(Root, _tracked, new HashSet<string>(), inventory.Where(p => !_tracked.Contains(p)).ToHashSet(), _lfs) { Changes = _changes })
                : Fact<GitFacts>.Unavailable("not inside a Git repository"),
        };
        var deployment = DeploymentAssembler.Assemble(new DeploymentParts
        {
            Directory = Root,
            ManifestLoad = manifestLoad,
            Inventory = inventory,
            Files = states,
            PackageFile = packageFile,
            Requirements = new RequirementsLoad(requirements, [], []),
            Texts = [.. _files],
            Facts = facts,
        });
        return _adjust(deployment);
    }
}
