namespace Connect.Lint.Settings;

/// <summary>What the command line said about analysis settings; null or empty means it did not say.</summary>
public sealed record CommandLineSettings
{
    public static readonly CommandLineSettings None = new();

    public IReadOnlyList<string> Select { get; init; } = [];

    public IReadOnlyList<string> Ignore { get; init; } = [];

    /// <summary>--extend-select: rules enabled on top of what select (the flag's, the configuration's or the defaults) enables.</summary>
    public IReadOnlyList<string> ExtendSelect { get; init; } = [];

    /// <summary>--config: this file's [tool.connect-lint] for every deployment, instead of the nearest pyproject.toml's.</summary>
    public string? ConfigFile { get; init; }

    /// <summary>--exclude globs (rsconnect's semantics).</summary>
    public IReadOnlyList<string> Exclude { get; init; } = [];

    public string? Python { get; init; }

    /// <summary>process or embedded.</summary>
    public string? PythonHost { get; init; }

    public double? ImportTimeoutSeconds { get; init; }

    public bool NoPython { get; init; }

    /// <summary>--no-cache: neither read nor write the tool's cache.</summary>
    public bool NoCache { get; init; }

    /// <summary>--rehearse[=full|import]: act out Connect's deploy (null: the command line did not say).</summary>
    public Rehearsal.RehearsalMode? Rehearse { get; init; }

    /// <summary>--install-timeout: seconds the rehearsal's pip install may take.</summary>
    public double? InstallTimeoutSeconds { get; init; }

    /// <summary>inspect --entrypoint: import this module:object instead of the manifest's.</summary>
    public string? Entrypoint { get; init; }
}
