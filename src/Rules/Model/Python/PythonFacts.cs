using System.Text.Json.Serialization;

namespace Connect.Lint.Rules.Model.Python;

// What the Python bridge reports about a deployment (protocol 1, src/Connect.Lint/Python/bridge-answer.schema.json).
// Names mirror the JSON the bridge writes (snake_case there). Everything is optional: a crash or a hang leaves parts out.

/// <summary>How importing the entrypoint ended.</summary>
[JsonConverter(typeof(ImportOutcomeConverter))]
public enum ImportOutcome
{
    Imported,
    Error,

    /// <summary>The import called sys.exit.</summary>
    Exit,
}

/// <summary>What an object the entrypoint names is.</summary>
[JsonConverter(typeof(ObjectShapeConverter))]
public enum ObjectShape
{
    /// <summary>A WSGI application (a Flask app, or a callable taking environ and start_response).</summary>
    App,

    /// <summary>A function callable with no arguments (an application factory).</summary>
    Factory,

    FactoryNeedsArgs,
    Other,
}

/// <summary>A name in the entrypoint's module that could serve: a Flask app, or a factory named create_app/make_app.</summary>
[JsonConverter(typeof(CandidateKindConverter))]
public enum CandidateKind
{
    App,
    Factory,
}

/// <summary>A place in the deployment's own code: relative path and 1-based line.</summary>
public sealed record CodeLocation(string File, int Line);

public sealed record SourcePosition(int Line, int Column, int EndLine, int EndColumn);

/// <summary>An import statement; Optional when it sits in a try body or under TYPE_CHECKING (allowed to fail).</summary>
public sealed record StaticImport(string Module, int Level, int Line, int Column, int EndLine, int EndColumn, IReadOnlyList<string>? Names, bool Optional = false);

public sealed record StaticCall(string? Call, int Line, int Column, int EndLine, int EndColumn);

public sealed record StaticBlueprint(string? Name, int Line, int Column, int EndLine, int EndColumn);

public sealed record StaticSyntaxError(string Message, int Line, int Column);

/// <summary>What <c>ast</c> saw in one local module, without running it.</summary>
public sealed record StaticFileFacts(
    string File,
    IReadOnlyList<StaticImport> Imports,
    IReadOnlyList<StaticCall> ModuleLevelRuns,
    IReadOnlyList<StaticBlueprint> Blueprints,
    IReadOnlyList<SourcePosition> FlaskApps,
    StaticSyntaxError? SyntaxError);

public sealed record EnvironmentFacts(string Python, string Version, string Executable, string Prefix, string? Pip, string? Locale, IReadOnlyList<string> Stdlib);

public sealed record RecordedRun(string Call, CodeLocation? Where, bool? Debug);

/// <summary>Why the import failed.</summary>
/// <param name="MissingModule">For ModuleNotFoundError only: the module that is not there at all.</param>
/// <param name="FromModule">For another ImportError ("cannot import name X from Y"): Y, a module that is there.</param>
/// <param name="RaisedIn">The installed package whose code raised (the innermost frame in site-packages), or null.</param>
public sealed record ImportFailure(string Type, string Message, string? MissingModule, string? FromModule = null, string? RaisedIn = null);

public sealed record CallError(string Type, string Message, CodeLocation? Where);

/// <summary>How the entrypoint resolved: the name found, its shape, and (for a factory Connect calls) what the call gave.</summary>
public sealed record ResolvedObject(string Name, ObjectShape Shape, bool Called, ObjectShape? ResultShape, CallError? CallError);

public sealed record Candidate(string Name, CandidateKind Kind);

/// <summary>A URL rule; HasView is false for an endpoint kept only for url_for (flaskr's "index" alias).</summary>
public sealed record UrlRule(string Rule, string Endpoint, IReadOnlyList<string> Methods, string? Blueprint, CodeLocation? Where, bool HasView = true);

public sealed record BlueprintFacts(string Name, string ImportName, string? UrlPrefix, CodeLocation? Where);

/// <summary>Where the app's SECRET_KEY came from, as the import showed it.</summary>
[JsonConverter(typeof(SecretKeySourceConverter))]
public enum SecretKeySource
{
    /// <summary>A string literal in the deployment's code (Where says which).</summary>
    Literal,
    Environment,

    /// <summary>Computed, read from a file, or anything else that is not a literal.</summary>
    Other,
    Unset,
}

/// <summary>A span in the deployment's own code (relative path, 1-based lines and columns, end exclusive).</summary>
public sealed record CodeSpan(string File, int Line, int Column, int EndLine, int EndColumn);

public sealed record SecretKeyFacts(SecretKeySource Source, CodeSpan? Where);

public sealed record AppFacts(
    string Name,
    string ImportName,
    string RootPath,
    string? StaticFolder,
    string? StaticUrlPath,
    string? TemplateFolder,
    bool Debug,
    IReadOnlyList<UrlRule> Rules,
    IReadOnlyList<BlueprintFacts> Blueprints,
    SecretKeyFacts? SecretKey = null);

public sealed record UnregisteredBlueprint(string Name, CodeLocation? Where);

/// <summary>A requirement in an installed distribution's metadata: a normalised name and a PEP 440 specifier (empty for any version).</summary>
public sealed record DependencySpec(string Name, string Specifier);

/// <summary>
/// What is installed in the interpreter's environment: import name → distributions that provide it, each
/// distribution's version, and what each requires (keys and names PEP 503-normalised). Asked in a second process.
/// </summary>
public sealed record InstalledPackages(IReadOnlyDictionary<string, IReadOnlyList<string>> TopLevel, IReadOnlyDictionary<string, string> Versions)
{
    public static readonly InstalledPackages Empty = new(new Dictionary<string, IReadOnlyList<string>>(), new Dictionary<string, string>());

    /// <summary>Distribution → what its installed metadata requires (requirements under a marker left out).</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<DependencySpec>> Requires { get; init; } = new Dictionary<string, IReadOnlyList<DependencySpec>>();

    /// <summary>
    /// The declared distribution through which <paramref name="distribution"/> is installed (it requires it, directly or
    /// through others), or null when none of them brings it.
    /// </summary>
    public string? BroughtBy(string distribution, IEnumerable<string> declared) =>
        Requirements.DependencyWalk.RootBringing(distribution, declared, name => (Requires.GetValueOrDefault(name) ?? []).Select(d => d.Name));
}

/// <summary>What importing the entrypoint the way Connect does showed.</summary>
public sealed record ImportFacts
{
    public required string Module { get; init; }
    public string? Object { get; init; }

    public required ImportOutcome Outcome { get; init; }
    public int? ExitCode { get; init; }
    public ImportFailure? Error { get; init; }
    public CodeLocation? Where { get; init; }
    public IReadOnlyList<RecordedRun> Runs { get; init; } = [];
    public ResolvedObject? Resolved { get; init; }
    public IReadOnlyList<Candidate> Candidates { get; init; } = [];
    public AppFacts? App { get; init; }
    public IReadOnlyList<UnregisteredBlueprint> UnregisteredBlueprints { get; init; } = [];
    public IReadOnlyList<string> LocalModules { get; init; } = [];
    public IReadOnlyList<string> ThirdParty { get; init; } = [];

    /// <summary>The environment variables the import read (os.environ[...], get) while they were unset: a KeyError of one is a Var to set.</summary>
    public IReadOnlyList<string> EnvironUnset { get; init; } = [];

    /// <summary>The environment variables the project's own code read during the import: the Vars it expects Connect to set.</summary>
    public IReadOnlyList<string> EnvironProjectReads { get; init; } = [];

}

/// <summary>
/// Which environment the installed distributions were read for (<paramref name="EnvironmentKey"/>, raw JSON), and what
/// they are (<paramref name="InstalledJson"/>), or null when the environment was as the tool last saw it.
/// </summary>
public sealed record PackagesAnswer(string EnvironmentKey, string? InstalledJson);

/// <summary>What the import opened (files) and listed (directories), outside the environment's own directories.</summary>
public sealed record FilesRead(IReadOnlyList<string> Opened, IReadOnlyList<string> Listed);

/// <summary>Everything one run of the bridge produced, including how the process ended.</summary>
public sealed record PythonFacts
{
    /// <summary>The interpreter that answered (why it was chosen is the settings' business: DeploymentSettings.Interpreter).</summary>
    public required string Interpreter { get; init; }

    /// <summary>process or embedded.</summary>
    public string Host { get; init; } = "process";

    /// <summary>Why the embedded host was asked for but the process host ran instead (CL9001 says so).</summary>
    public string? HostFallbackReason { get; init; }

    /// <summary>The entrypoint that was imported (module or module:object).</summary>
    public required string Entrypoint { get; init; }

    public EnvironmentFacts? Environment { get; init; }
    public IReadOnlyList<StaticFileFacts> Files { get; init; } = [];
    public ImportFacts? Import { get; init; }

    /// <summary>True when the import did not finish within the timeout (the process was killed).</summary>
    public bool TimedOut { get; init; }
    public double TimeoutSeconds { get; init; }

    /// <summary>Where the user's code was when the timeout or a crash struck (from Python's faulthandler).</summary>
    public CodeLocation? StuckAt { get; init; }

    /// <summary>The process ended before answering: its exit code (negative: killed by that signal).</summary>
    public int? HardExitCode { get; init; }

    /// <summary>The bridge's answer about the installed distributions, as it came (the tool caches it per interpreter).</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public PackagesAnswer? PackagesAnswer { get; init; }

    /// <summary>The rehearsal's requests to the app's routes, when the request asked for them.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public Rehearsal.ServeFacts? Served { get; init; }

    /// <summary>The environment variables the import read; null when it read them all (the answer then depends on every one).</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public IReadOnlyList<string>? EnvironmentReads { get; init; }

    /// <summary>The files the import opened and the directories it listed (absolute); null when the interpreter cannot tell.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public FilesRead? FilesRead { get; init; }

    /// <summary>The bridge's answer lines as they came (the answer cache keeps them).</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public IReadOnlyList<string> AnswerLines { get; init; } = [];

    /// <summary>True when this is an earlier run's answer, reused because nothing it depends on changed.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public bool FromCache { get; init; }

    /// <summary>The Flask app the import produced, when the import worked and found one; rules decide from it rather than from the text.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public AppFacts? ImportedApp => Import is { Outcome: ImportOutcome.Imported, App: { } app } ? app : null;

    /// <summary>Installed distributions, when a rule about requirements asked for them.</summary>
    public InstalledPackages? Packages { get; init; }

    /// <summary>The last lines the process wrote to stderr (user output included), for messages; not part of the facts.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public string StderrTail { get; init; } = string.Empty;
}
