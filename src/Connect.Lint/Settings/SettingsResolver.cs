using Connect.Lint.Configuration;

namespace Connect.Lint.Settings;

/// <summary>
/// The one place settings are merged: defaults, then the nearest [tool.connect-lint] at or above the deployment,
/// then the command line (--select replaces the configuration's, --ignore adds to it, as in ruff).
/// </summary>
public static class SettingsResolver
{
    public const string DefaultPythonHost = "process";
    public const double DefaultImportTimeoutSeconds = 20;

    /// <summary>The longest import timeout accepted (an hour), from the flag or the configuration.</summary>
    public const double MaxImportTimeoutSeconds = 3600;

    /// <summary>The longest install timeout accepted (a day).</summary>
    public const double MaxInstallTimeoutSeconds = 86400;
    public const double DefaultInstallTimeoutSeconds = 900;

    private const string Section = "[tool.connect-lint]";

    /// <summary>What is wrong with an import timeout (the value and the rule it breaks), or null when it is acceptable.</summary>
    public static string? ImportTimeoutProblem(double seconds) =>
        seconds is > 0 and <= MaxImportTimeoutSeconds
            ? null
            : $"{seconds.ToString(System.Globalization.CultureInfo.InvariantCulture)}: must be a number of seconds above 0 and at most {MaxImportTimeoutSeconds}";

    /// <param name="commit">The commit the directory's files are from (check --rev): its configuration is the commit's, but
    /// its interpreter is the work tree's (a virtual environment is never committed), found from the same place there.</param>
    public static DeploymentSettings For(string directory, CommandLineSettings commandLine, Loading.CheckedCommit? commit = null)
    {
        var config = commandLine.ConfigFile is { } file ? ConfigLoader.Named(file) : ConfigLoader.ForDirectory(directory);
        var fromConfig = config.FilePath is null ? null : Section;
        Setting<T> FromConfig<T>(T? configured, string key, T fallback) =>
            configured is not null && fromConfig is not null ? new(configured, $"{fromConfig} {key}") : Setting<T>.Default(fallback);
        Setting<T> Pick<T>(T? cli, string flag, T? configured, string key, T fallback) =>
            cli is not null ? new(cli, flag) : FromConfig(configured, key, fallback);
        Setting<T> FromCommandLine<T>(T? cli, string flag, T fallback) => cli is not null ? new(cli, flag) : Setting<T>.Default(fallback);

        var ignoreSources = new List<string>();
        if (config.Ignore.Count > 0)
        {
            ignoreSources.Add($"{Section} ignore");
        }

        if (commandLine.Ignore.Count > 0)
        {
            ignoreSources.Add("--ignore");
        }

        // A path is relative to the pyproject.toml that says it; a bare name ("python3.11") is found on PATH later.
        var configuredPython = config.Python is { } relative
            ? Python.InterpreterLocator.IsBareName(relative) ? relative : Path.GetFullPath(Path.Combine(config.Directory, relative))
            : null;
        configuredPython = configuredPython is not null && commit is not null ? commit.ToRepository(configuredPython) : configuredPython;
        var python = Pick(commandLine.Python, "--python", configuredPython, "python", (string?)null);
        return new DeploymentSettings
        {
            ConfigDirectory = config.Directory,
            ConfigFile = config.FilePath,
            Select = Pick<IReadOnlyList<string>>(commandLine.Select.Count > 0 ? commandLine.Select : null, "--select", config.Select, "select", []),
            Ignore = new([.. config.Ignore, .. commandLine.Ignore], ignoreSources.Count == 0 ? "default" : string.Join(" + ", ignoreSources)),
            ExtendSelect = FromCommandLine<IReadOnlyList<string>>(commandLine.ExtendSelect.Count > 0 ? commandLine.ExtendSelect : null, "--extend-select", []),
            PerFileIgnores = FromConfig<IReadOnlyList<PerFileIgnore>>(config.PerFileIgnores.Count > 0 ? config.PerFileIgnores.Select(p => new PerFileIgnore(p.Glob, p.Codes)).ToList() : null, "per-file-ignores", []),
            Exclude = FromCommandLine<IReadOnlyList<string>>(commandLine.Exclude.Count > 0 ? commandLine.Exclude : null, "--exclude", []),
            ConfigExclude = FromConfig<IReadOnlyList<string>>(config.Exclude.Count > 0 ? config.Exclude : null, "exclude", []),
            Python = python,
            Commit = commit,
            Interpreter = Python.InterpreterLocator.Locate(commit?.ToRepository(directory) ?? directory, python.Value, Environment.GetEnvironmentVariable, python.Source),
            PythonHost = FromCommandLine(commandLine.PythonHost, "--python-host", DefaultPythonHost),
            ImportTimeoutSeconds = commandLine.ImportTimeoutSeconds is { } seconds ? new(seconds, "--import-timeout")
                : config.ImportTimeoutSeconds is { } configuredSeconds && fromConfig is not null ? new(configuredSeconds, $"{fromConfig} import-timeout")
                : Setting<double>.Default(DefaultImportTimeoutSeconds),
            RunPython = commandLine.NoPython ? new(false, "--no-python") : Setting<bool>.Default(true),
            UseCache = commandLine.NoCache ? new(false, "--no-cache") : Setting<bool>.Default(true),
            ServerPythonVersions = FromConfig<IReadOnlyList<string>>(config.ServerPythonVersions.Count > 0 ? config.ServerPythonVersions : null, "server-python-versions", []),
            Branch = FromConfig(config.Branch, "branch", (string?)null),
            Vars = FromConfig<IReadOnlyList<string>>(config.Vars.Count > 0 ? config.Vars : null, "vars", []),
            Severity = FromConfig<IReadOnlyDictionary<string, Rules.Analysis.Severity>>(config.Severity.Count > 0 ? config.Severity : null, "severity", new Dictionary<string, Rules.Analysis.Severity>()),
            EntrypointOverride = commandLine.Entrypoint,
            Rehearse = commandLine.Rehearse is { } rehearse ? new(rehearse, "--rehearse")
                : config.Rehearse is { } configured && fromConfig is not null ? new(configured, $"{fromConfig} rehearse")
                : Setting<Rehearsal.RehearsalMode>.Default(Rehearsal.RehearsalMode.Off),
            InstallTimeoutSeconds = commandLine.InstallTimeoutSeconds is { } install ? new(install, "--install-timeout") : Setting<double>.Default(DefaultInstallTimeoutSeconds),
        };
    }
}
