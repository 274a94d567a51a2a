using Connect.Lint.Rules.Analysis;

namespace Connect.Lint.Configuration;

/// <summary>
/// <c>[tool.connect-lint]</c> in the nearest pyproject.toml at or above a deployment (the Python habit, as ruff
/// and mypy). Paths and globs in it are relative to that file's directory.
/// </summary>
public sealed record ProjectConfig
{
    public static readonly ProjectConfig None = new();

    public string? FilePath { get; init; }

    public string Directory => FilePath is null ? StartDirectory.Path : Path.GetDirectoryName(FilePath)!;

    public IReadOnlyList<string>? Select { get; init; }

    public IReadOnlyList<string> Ignore { get; init; } = [];

    /// <summary>Glob (relative to the config's directory) → codes ignored in matching files.</summary>
    public IReadOnlyList<(string Glob, IReadOnlyList<string> Codes)> PerFileIgnores { get; init; } = [];

    /// <summary>Globs of files to leave out of the deployment (FileSystemGlobbing semantics).</summary>
    public IReadOnlyList<string> Exclude { get; init; } = [];

    public string? Python { get; init; }

    public IReadOnlyList<string> ServerPythonVersions { get; init; } = [];

    /// <summary>The environment variables Connect sets for the content (its Vars): names only, never values.</summary>
    public IReadOnlyList<string> Vars { get; init; } = [];

    /// <summary>The branch Connect tracks for the content: check --rev's default, and what a check on another branch names.</summary>
    public string? Branch { get; init; }

    /// <summary>rehearse = true, "import" or false: what check does of Connect's deploy without --rehearse.</summary>
    public Rehearsal.RehearsalMode? Rehearse { get; init; }

    /// <summary>import-timeout: seconds the import of the app may take, as --import-timeout.</summary>
    public double? ImportTimeoutSeconds { get; init; }

    public IReadOnlyDictionary<string, Severity> Severity { get; init; } = new Dictionary<string, Severity>();
}

/// <summary>A bad configuration value: the file, line and column, and the key.</summary>
public sealed class ConfigException(string filePath, int line, int column, string key, string message)
    : Exception($"{DisplayPathOf(filePath)}:{line}:{column}: [tool.connect-lint] {key}: {message}")
{
    public string FilePath { get; } = filePath;

    private static string DisplayPathOf(string path) => Reporting.DisplayPath.Of(path);
}
