using Connect.Lint.Loading;
using Connect.Lint.Python;
using Connect.Lint.Rules.Analysis;

namespace Connect.Lint.Settings;

/// <summary>A per-file-ignores entry: a glob (relative to the configuration's directory) and the codes ignored in matching files.</summary>
public sealed record PerFileIgnore(string Glob, IReadOnlyList<string> Codes);

/// <summary>
/// Everything that decides how one deployment is analysed, resolved once from defaults, the nearest
/// <c>[tool.connect-lint]</c> and the command line (<see cref="SettingsResolver"/>), each value with its source.
/// </summary>
public sealed record DeploymentSettings
{
    /// <summary>The directory relative paths of the configuration are resolved against.</summary>
    public required string ConfigDirectory { get; init; }

    /// <summary>The pyproject.toml that holds [tool.connect-lint]; null when none applies.</summary>
    public string? ConfigFile { get; init; }

    /// <summary>Rule selectors; empty selects the rules enabled by default.</summary>
    public required Setting<IReadOnlyList<string>> Select { get; init; }

    public required Setting<IReadOnlyList<string>> Ignore { get; init; }

    /// <summary>--extend-select: rules enabled on top of <see cref="Select"/>.</summary>
    public Setting<IReadOnlyList<string>> ExtendSelect { get; init; } = Setting<IReadOnlyList<string>>.Default([]);

    public required Setting<IReadOnlyList<PerFileIgnore>> PerFileIgnores { get; init; }

    /// <summary>--exclude globs (rsconnect's semantics, relative to the deployment).</summary>
    public required Setting<IReadOnlyList<string>> Exclude { get; init; }

    /// <summary>exclude globs of the configuration (relative to <see cref="ConfigDirectory"/>).</summary>
    public required Setting<IReadOnlyList<string>> ConfigExclude { get; init; }

    /// <summary>The interpreter asked for, as a full path or a name; null lets the locator choose.</summary>
    public required Setting<string?> Python { get; init; }

    /// <summary>The branch Connect tracks ([tool.connect-lint] branch); null when not said.</summary>
    public Setting<string?> Branch { get; init; } = Setting<string?>.Default(null);

    /// <summary>The commit whose files are checked (check --rev); null when the work tree is.</summary>
    public Loading.CheckedCommit? Commit { get; init; }

    /// <summary>
    /// The interpreter every Python step of this deployment runs (the import, the versions query, the rehearsal,
    /// write-manifest's pip freeze), chosen once from <see cref="Python"/> and the locator's order; null when none was found.
    /// </summary>
    public required InterpreterChoice? Interpreter { get; init; }

    public required Setting<string> PythonHost { get; init; }

    public required Setting<double> ImportTimeoutSeconds { get; init; }

    /// <summary>False with --no-python: the project's interpreter is never run.</summary>
    public required Setting<bool> RunPython { get; init; }

    /// <summary>False with --no-cache: nothing is read from or written to the tool's cache (<see cref="Caching.ToolCache"/>).</summary>
    public Setting<bool> UseCache { get; init; } = Setting<bool>.Default(true);

    public required Setting<IReadOnlyList<string>> ServerPythonVersions { get; init; }

    /// <summary>The Vars Connect will set ([tool.connect-lint] vars): the check's import sees each, set here or a placeholder.</summary>
    public Setting<IReadOnlyList<string>> Vars { get; init; } = Setting<IReadOnlyList<string>>.Default([]);

    /// <summary>How much of Connect's deploy check --rehearse acts out (off unless asked for).</summary>
    public Setting<Connect.Lint.Rehearsal.RehearsalMode> Rehearse { get; init; } = Setting<Connect.Lint.Rehearsal.RehearsalMode>.Default(Connect.Lint.Rehearsal.RehearsalMode.Off);

    /// <summary>Seconds the rehearsal's pip install may take.</summary>
    public Setting<double> InstallTimeoutSeconds { get; init; } = Setting<double>.Default(SettingsResolver.DefaultInstallTimeoutSeconds);

    public required Setting<IReadOnlyDictionary<string, Severity>> Severity { get; init; }

    public string? EntrypointOverride { get; init; }

    /// <summary>Built on each use (cheap), so that a copy made with <c>with</c> never carries a stale selection.</summary>
    public RuleSelection Selection => new(Select.Value, Ignore.Value, ExtendSelect.Value);

    public ConfigExclusions ConfigExclusions => new(ConfigDirectory, ConfigExclude.Value);

    /// <summary>How the rehearsal runs for this deployment; null when it is not to run (not asked for, or --no-python).</summary>
    public Connect.Lint.Rehearsal.RehearsalOptions? Rehearsal =>
        Rehearse.Value == Connect.Lint.Rehearsal.RehearsalMode.Off || !RunPython.Value
            ? null
            : new(Rehearse.Value, TimeSpan.FromSeconds(InstallTimeoutSeconds.Value), TimeSpan.FromSeconds(ImportTimeoutSeconds.Value), UseCache.Value) { Vars = Vars.Value };
}
