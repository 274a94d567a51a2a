using Connect.Lint.Rules.Model.Manifest;

namespace Connect.Lint.Rules.Model;

/// <summary>A file left out of the deployable inventory, with the reason a person is told.</summary>
public sealed record ExcludedPath(string RelativePath, string Reason);

/// <summary>
/// Everything the rules may know about one deployment directory, gathered by the loader. Paths are relative
/// to <see cref="Directory"/> with '/' separators unless said otherwise.
/// </summary>
public sealed record Deployment
{
    public required string Directory { get; init; }

    /// <summary>True when the user named this directory; false when it was found below a named path.</summary>
    public bool NamedExplicitly { get; init; }

    public required ManifestLoad ManifestLoad { get; init; }

    public ConnectManifest? Manifest => ManifestLoad.Manifest;

    public string ManifestPath => ManifestLoad.FilePath;

    /// <summary>Deployable files (ordinal order), manifest.json not among them.</summary>
    public required IReadOnlyList<string> Inventory { get; init; }

    public IReadOnlyList<ExcludedPath> Excluded { get; init; } = [];

    /// <summary>Directories (relative) that hold a virtual environment.</summary>
    public IReadOnlySet<string> VirtualEnvironments { get; init; } = new HashSet<string>();

    /// <summary>Facts for every inventory file and every path the manifest lists (safe paths only).</summary>
    public required IReadOnlyDictionary<string, FileState> Files { get; init; }

    /// <summary>The requirements file the checksums were computed for (the manifest's package_file).</summary>
    public string PackageFile { get; init; } = "requirements.txt";

    /// <summary>What the project declares as environment.python.requires (read when a rule needs the interpreter's versions).</summary>
    public Model.Manifest.PythonRequiresDeclaration PythonRequires => Facts.DeclaredPythonRequires;

    /// <summary>The deployment's pyproject.toml: [project].dependencies and [tool.rsconnect]; null without one.</summary>
    public Model.Requirements.PyprojectFacts? Pyproject { get; init; }

    /// <summary>When the loader read the deployment (UTC): the one clock rules see, for the date a regenerated file states.</summary>
    public DateTime LoadedAtUtc { get; init; }

    /// <summary>The costly facts (Git, the import, the interpreter's versions, the rehearsal), each with its state: see <see cref="DeploymentFacts"/>.</summary>
    public DeploymentFacts Facts { get; init; } = DeploymentFacts.None;

    /// <summary>The interpreter's versions and locale from a short query (when a rule needs them and the import did not report them).</summary>
    public Python.EnvironmentFacts? InterpreterEnvironment => Facts.InterpreterVersions.Value;

    /// <summary>The requirements file and every file it includes (-r/-c), parsed; empty when there is none.</summary>
    public IReadOnlyList<Requirements.RequirementsFile> Requirements { get; init; } = [];

    /// <summary>Problems with the include chain (missing file, a path outside the deployment).</summary>
    public IReadOnlyList<Requirements.RequirementsError> RequirementsProblems { get; init; } = [];

    /// <summary>Requirements that install something (constraint files excluded).</summary>
    public IEnumerable<Requirements.RequirementEntry> DeclaredRequirements =>
        Requirements.Where(file => !IsConstraintFile(file.FilePath)).SelectMany(file => file.Requirements);

    private bool IsConstraintFile(string path) =>
        Requirements.SelectMany(f => f.Entries.OfType<Requirements.IncludeEntry>())
            .Any(i => i.IsConstraint && Path.GetFullPath(i.Target, Path.GetDirectoryName(i.FilePath)!) == path);

    /// <summary>Files the tool did not read (refused by the file-access policy, or past a limit), each with its reason.</summary>
    public IReadOnlyList<UnreadFile> UnreadFiles { get; init; } = [];

    /// <summary>Fingerprints of the bytes the rules saw, by full path: a fix edits a file only while it still has them.</summary>
    public ReadLedger ReadLedger { get; init; } = new();

    /// <summary>True when the file exists but was refused by the file-access policy (so it is neither missing nor checked).</summary>
    public bool WasRefused(string relativePath) =>
        UnreadFiles.Any(u => u.Kind == UnreadKind.Refused && u.RelativePath == relativePath);

    /// <summary>Git state of the deployment's files; null when not gathered (outside a repository: <see cref="Facts"/> says why).</summary>
    public GitFacts? Git => Facts.Git.Value;

    /// <summary>
    /// The text files of the deployment, of Git's index and of the manifest's list, as read (Python, templates,
    /// configuration, dotfiles; up to 1 MiB each, binary files left out). Rules look in them for what they detect.
    /// </summary>
    public IReadOnlyList<Text.TextFile> TextFiles { get; init; } = [];

    /// <summary>The noqa comments of the deployment's Python and requirements files.</summary>
    public IReadOnlyList<Suppression> Suppressions { get; init; } = [];

    /// <summary>Python versions the Connect server offers (MAJOR.MINOR), from the configuration; empty when not said.</summary>
    public IReadOnlyList<string> ServerPythonVersions { get; init; } = [];

    /// <summary>What the project's interpreter said (null when it was not asked or could not be run: <see cref="Facts"/> says why).</summary>
    public Python.PythonFacts? Python => Facts.Python.Value;

    /// <summary>What the deploy rehearsal showed (check --rehearse); null when it was not asked for or could not start.</summary>
    public Rehearsal.RehearsalFacts? Rehearsal => Facts.Rehearsal.Value;

    /// <summary>True when the top-level package of a dotted module name is a file or directory of the deployment.</summary>
    /// <summary>
    /// True when the top-level name is the project's own module: a file of the deployment, or one Git keeps out of the
    /// commit (untracked or ignored, CL4001's to name; a check of a commit does not have it, but the project does).
    /// </summary>
    public bool IsLocalModule(string dottedName)
    {
        var top = dottedName.Split('.')[0];
        return ProjectFiles.Any(p => p == top + ".py" || p.StartsWith(top + "/", StringComparison.Ordinal));
    }

    /// <summary>The deployment's files and those of the project Git keeps out of the commit (untracked, ignored).</summary>
    public IEnumerable<string> ProjectFiles => Git is { } git ? Inventory.Union(git.Untracked).Union(git.Ignored) : Inventory;

    /// <summary>
    /// The files of a module or package of that top-level name that sit below the deployment's root (src/mypkg,
    /// lib/helpers.py) when there is none at the root: the project's own code, which Connect cannot import from the
    /// deployment directory. Empty otherwise.
    /// </summary>
    public IReadOnlyList<string> ModuleFilesBelowRoot(string topLevelName) =>
        IsLocalModule(topLevelName)
            ? []
            : Inventory.Where(p => p.EndsWith("/" + topLevelName + ".py", StringComparison.Ordinal) ||
                                   p.EndsWith("/" + topLevelName + "/__init__.py", StringComparison.Ordinal)).ToList();

    public bool IsModuleBelowRoot(string topLevelName) => ModuleFilesBelowRoot(topLevelName).Count > 0;

    public FileState StateOf(string relativePath) =>
        Files.TryGetValue(relativePath, out var state) ? state : FileState.Missing;

    public string FullPath(string relativePath) => Path.Combine(Directory, relativePath);
}
