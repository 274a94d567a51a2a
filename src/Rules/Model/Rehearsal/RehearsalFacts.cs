using Connect.Lint.Rules.Model.Python;

namespace Connect.Lint.Rules.Model.Rehearsal;

// What `check --rehearse` learnt by doing what Connect does at deploy time: a fresh environment from the chosen
// interpreter, `pip install -r` the manifest's package file, the import of the entrypoint, and (unless
// --rehearse=import) one request to every parameterless GET route under Connect's path prefix.

/// <summary>Why pip could not install a requirement, as pip said it.</summary>
public enum InstallProblemKind
{
    /// <summary>No version that satisfies the requirement (a pin that does not exist, a package no index has).</summary>
    NotAvailable,

    /// <summary>The resolver found requirements that cannot hold together.</summary>
    Conflict,

    /// <summary>A source distribution that failed to build (its metadata or its wheel).</summary>
    BuildFailed,

    /// <summary>
    /// A local path (a directory, wheel or archive) that is not there when the requirements are installed on their own,
    /// as Connect installs them: away from the project's files.
    /// </summary>
    LocalPath,

    /// <summary>Anything else pip refused with (a hash mismatch, a bad URL).</summary>
    Other,

    /// <summary>
    /// This machine's pip could not answer for Connect: the index could not be reached (no network, a proxy, a
    /// certificate), or it looked only where this machine's pip configuration points (a local folder of wheels, a
    /// private index) and that place lacks the requirement. The reason names the index; Connect's pip may well install it.
    /// </summary>
    ThisMachinesIndex,
}

/// <summary>
/// One requirement pip could not install: the distribution it concerns (normalised; null when pip named none), the
/// requirements file and line when pip or the parsed file tells them, and pip's reason in a line or two.
/// </summary>
public sealed record InstallProblem(InstallProblemKind Kind, string? Distribution, string? File, int? Line, string Reason)
{
    /// <summary>True when the failure is Connect's too (a conflict, a build, a local path, a version no index has), not this machine's index.</summary>
    public bool IsConnects => Kind != InstallProblemKind.ThisMachinesIndex;
}

/// <summary>A link in a served page that leaves the prefix (an attribute of href, src or action).</summary>
public sealed record EscapingLink(string Attribute, string Value);

/// <summary>An exception a request raised, at the innermost frame of the deployment's own code.</summary>
public sealed record ServeError(string Type, string Message, CodeLocation? Where);

/// <summary>What one request to a parameterless GET route answered under the prefix.</summary>
public sealed record ServedRoute(
    string Rule,
    string Endpoint,
    CodeLocation? Where,
    int? Status,
    ServeError? Error,
    bool TimedOut,
    string? Location,
    IReadOnlyList<EscapingLink> Links);

/// <summary>The requests of the rehearsal: the prefix used, every route answered, and what was not requested.</summary>
public sealed record ServeFacts(string Prefix, IReadOnlyList<ServedRoute> Routes, int Skipped, string? Error);

/// <summary>Everything one rehearsal of a deployment showed.</summary>
public sealed record RehearsalFacts
{
    /// <summary>The interpreter the environment was made from (as chosen for the check).</summary>
    public required string BaseInterpreter { get; init; }

    /// <summary>The environment's Python version (MAJOR.MINOR.PATCH); null when it was not made.</summary>
    public string? PythonVersion { get; init; }

    /// <summary>The package file pip installed from, relative to the deployment.</summary>
    public required string PackageFile { get; init; }

    /// <summary>True when an earlier rehearsal's environment was reused (the requirements and interpreter are unchanged).</summary>
    public bool EnvironmentReused { get; init; }

    /// <summary>What pip refused; empty when everything installed.</summary>
    public IReadOnlyList<InstallProblem> InstallProblems { get; init; } = [];

    /// <summary>The import in the fresh environment; null when the install failed or the rehearsal stopped before it.</summary>
    public PythonFacts? Import { get; init; }

    /// <summary>The requests to the app's routes; null with --rehearse=import, or when no Flask app was imported.</summary>
    public ServeFacts? Served { get; init; }

    /// <summary>Why the rehearsal stopped short (no venv module, a time limit); null when it ran through.</summary>
    public string? Incomplete { get; init; }

    /// <summary>How long each stage took, for -v and the bench (seconds).</summary>
    public double EnvironmentSeconds { get; init; }

    public double InstallSeconds { get; init; }

    public double ImportSeconds { get; init; }
}
