using Connect.Lint.Fixing;
using Connect.Lint.Loading;
using Connect.Lint.Python;
using Connect.Lint.Reporting;
using Connect.Lint.Rules.Model.Manifest;

namespace Connect.Lint.Commands;

/// <summary>write-manifest's options, with rsconnect's <c>write-manifest api</c> flags and their meaning.</summary>
public sealed record WriteManifestOptions
{
    public string Directory { get; init; } = ".";

    /// <summary>rsconnect's EXTRA_FILES: listed even when --exclude would leave them out; each must be inside DIR.</summary>
    public IReadOnlyList<string> ExtraFiles { get; init; } = [];

    public string? Entrypoint { get; init; }

    public IReadOnlyList<string> Exclude { get; init; } = [];

    public bool Overwrite { get; init; }

    public string? Python { get; init; }

    /// <summary>-g: write the requirements file from pip freeze even when it exists (it is always written when missing).</summary>
    public bool ForceGenerate { get; init; }

    /// <summary>-r: the requirements file, relative to DIR (default: [tool.rsconnect] requirements_file, else requirements.txt);
    /// pyproject.toml and uv.lock are exported first, as rsconnect does.</summary>
    public string? RequirementsFile { get; init; }

    public ManifestChoices Environment { get; init; } = ManifestChoices.None;

    /// <summary>-v: list every file written into the manifest.</summary>
    public bool Verbose { get; init; }
}

/// <summary><c>connect-lint write-manifest</c>: a drop-in for <c>rsconnect write-manifest api</c>, same bytes.</summary>
public static class WriteManifestCommand
{
    public static int Run(WriteManifestOptions options, TextWriter stderr)
    {
        var directory = StartDirectory.FullPathOf(options.Directory);
        if (!System.IO.Directory.Exists(directory))
        {
            throw new UsageException($"{options.Directory}: no such directory");
        }

        var manifestPath = Path.Combine(directory, "manifest.json");
        if (File.Exists(manifestPath) && !options.Overwrite)
        {
            throw new UsageException($"{DisplayPath.ForLine(manifestPath)} already exists; pass --overwrite (-o) to regenerate it (unknown fields are kept)");
        }

        var named = ExtraFiles(directory, options.ExtraFiles);
        var tool = PyprojectReader.Read(directory)?.ToolRsconnect;
        if (tool?.AppMode is { } appMode && appMode != AppModes.PythonApi)
        {
            throw new UsageException($"pyproject.toml's [tool.rsconnect] app_mode is '{appMode}': write-manifest writes python-api (Flask) manifests; " +
                                     "use 'rsconnect write-manifest pyproject' for other content");
        }

        // rsconnect's precedence: the flag, then [tool.rsconnect], then the default. rsconnect writes the table's
        // entrypoint as it is; one Connect cannot import ("app.py") is refused here, naming where it came from.
        if (options.Entrypoint is null && tool?.Entrypoint is { } configured && Rules.Model.Entrypoint.SyntaxProblem(configured) is { } syntax)
        {
            throw new UsageException($"pyproject.toml's [tool.rsconnect] entrypoint '{configured}': {syntax}");
        }

        var entrypoint = options.Entrypoint ?? tool?.Entrypoint;
        var packageFile = RequirementsFile(directory, options.RequirementsFile ?? tool?.RequirementsFile);
        // The interpreter check would run: --python, then [tool.connect-lint] python, then the locator's order.
        var target = new DeploymentTarget(directory, true);
        var settings = Pipeline.AnalysisPipeline.ResolveSettings(target, new Settings.CommandLineSettings { Python = options.Python });
        var interpreter = settings.Interpreter ?? throw new UsageException(InterpreterLocator.NoneFound);
        var python = PythonEnvironmentQuery.Run(interpreter, TimeSpan.FromSeconds(30), out var problem)
                     ?? throw new UsageException(problem!);
        Trace.Mark("environment queried");

        using var progress = Output.ProgressLine.Start(() => $"writing {DisplayPath.Of(manifestPath)}");
        var notices = new List<string>();
        var choices = options.Environment;
        if (packageFile is not null && Path.GetFileName(packageFile) is Rules.Model.Requirements.RequirementsExport.FromPyproject or Rules.Model.Requirements.RequirementsExport.FromUvLock)
        {
            var (exported, manager) = RequirementsExporter.Export(directory, packageFile);
            notices.Add($"wrote {DisplayPath.ForLine(Path.Combine(directory, exported))} from {packageFile}, as rsconnect does");
            (packageFile, choices) = (exported, choices with { PackageManager = manager });
        }

        var policy = new FileAccessPolicy(directory);
        var requirementsPath = Path.Combine(directory, packageFile ?? "requirements.txt");
        if (options.ForceGenerate || !File.Exists(requirementsPath))
        {
            // Refuse a directory with no app before writing anything into it (the check below needs the file first).
            var inventory = FileInventory.Build(policy, [.. options.Exclude.Select(e => RsconnectGlob.Create(e, directory))], null, named).Files;
            if (entrypoint is null && !FlaskAppSearch.AnyIn(inventory, policy.SourceOf))
            {
                throw NoFlaskApp(directory);
            }

            var existed = File.Exists(requirementsPath);
            AtomicFile.WriteText(requirementsPath, FrozenRequirements.Freeze(python.Interpreter, directory));
            notices.Add($"{(existed ? "rewrote" : "wrote")} {DisplayPath.ForLine(requirementsPath)} from pip freeze of {python.Interpreter}: it lists everything installed there, review it");
        }

        var deployment = Pipeline.AnalysisPipeline.LoadFiles(target, new LoadOptions { Excludes = options.Exclude, Named = named, PackageFile = packageFile });
        var unreadable = deployment.UnreadFiles.Where(u => u.Kind == Rules.Model.UnreadKind.Refused && deployment.Inventory.Contains(u.RelativePath)).ToList();
        if (unreadable.Count > 0)
        {
            // A manifest that silently leaves a file out deploys an app without it: name the files instead.
            throw new UsageException($"cannot list {string.Join(", ", unreadable.Take(5).Select(u => $"{Output.OutputSafety.Escape(u.RelativePath)}: {u.Reason}"))}" +
                                     (unreadable.Count > 5 ? $" and {unreadable.Count - 5} more" : string.Empty) +
                                     "; fix the permissions or leave the files out with --exclude");
        }

        if (named.FirstOrDefault(n => !deployment.Inventory.Contains(n)) is { } left)
        {
            var reason = deployment.Excluded.FirstOrDefault(e => e.RelativePath == left || left.StartsWith(e.RelativePath, StringComparison.Ordinal))?.Reason ?? "not a deployable file";
            throw new UsageException($"{Output.OutputSafety.Escape(left)}: cannot be listed ({reason})");
        }

        if (deployment.ManifestLoad.Error is { } error)
        {
            stderr.WriteLine($"connect-lint: {DisplayPath.Of(manifestPath)}:{error.Line}:{error.Column}: existing manifest not readable ({error.Message}); writing a new one");
        }

        string? AskBridge()
        {
            var (facts, _) = PythonBridge.Run(policy, null, deployment.Inventory,
                new PythonOptions(interpreter, new ProcessHost(), TimeSpan.FromSeconds(settings.ImportTimeoutSeconds.Value)) { StaticOnly = true });
            return ManifestProposals.EntrypointFromStaticFacts(facts);
        }

        var generated = ManifestGenerator.Generate(deployment, python, entrypoint, AskBridge, choices);
        Trace.Mark("generated");
        // After the entrypoint was chosen: when no module could be, that message says more.
        if (entrypoint is null && deployment.Manifest?.Entrypoint is null && !FlaskAppSearch.AnyIn(deployment.Inventory, policy.SourceOf))
        {
            throw NoFlaskApp(directory);
        }

        AtomicFile.WriteText(manifestPath, generated.WriteTo);
        Trace.Mark("written");
        progress.Dispose(); // erased before what is said about it
        stderr.WriteLine($"Wrote {DisplayPath.Of(manifestPath)}: entrypoint {generated.Entrypoint}, {generated.FileCount} files, " +
                         InterpreterChoice.Describe(python.Interpreter, python.Reason, python.PythonVersion, python.Facts.Executable));
        foreach (var notice in notices.Concat(generated.Notices))
        {
            stderr.WriteLine($"  {notice}");
        }

        foreach (var excluded in deployment.Excluded.Where(e => e.Reason != "the manifest itself" && e.RelativePath != ".git/"))
        {
            stderr.WriteLine($"  left out {Output.OutputSafety.Escape(excluded.RelativePath)}: {excluded.Reason}");
        }

        if (options.Verbose)
        {
            foreach (var (path, checksum) in ExpectedFiles.For(deployment))
            {
                stderr.WriteLine($"  listed {Output.OutputSafety.Escape(path)} {checksum}");
            }
        }

        return 0;
    }

    private static UsageException NoFlaskApp(string directory) =>
        new($"{DisplayPath.ForLine(directory)}: no Flask app found (looked in its .py files for {FlaskAppSearch.WhatIsLookedFor}); " +
            "pass --entrypoint module:app if the app is made another way");

    /// <summary>EXTRA_FILES as rsconnect takes them: paths from here (or absolute) that must exist inside DIR.</summary>
    private static HashSet<string> ExtraFiles(string directory, IReadOnlyList<string> extras)
    {
        var named = new HashSet<string>(StringComparer.Ordinal);
        foreach (var extra in extras)
        {
            var full = StartDirectory.FullPathOf(extra);
            var relative = Path.GetRelativePath(directory, full).Replace('\\', '/');
            if (relative == ".." || relative.StartsWith("../", StringComparison.Ordinal) || Path.IsPathRooted(relative))
            {
                throw new UsageException($"EXTRA_FILES must be inside {DisplayPath.ForLine(directory)}, and this one is not: {Output.OutputSafety.Escape(extra)}");
            }

            if (!File.Exists(full))
            {
                throw new UsageException($"EXTRA_FILES names a file that does not exist: {Output.OutputSafety.Escape(extra)}");
            }

            named.Add(relative);
        }

        return named;
    }

    /// <summary>-r: a requirements file inside DIR (pyproject.toml and uv.lock are exported to one, as rsconnect does).</summary>
    private static string? RequirementsFile(string directory, string? requirementsFile)
    {
        if (requirementsFile is null)
        {
            return null;
        }

        var relative = Path.GetRelativePath(directory, Path.GetFullPath(Path.Combine(directory, requirementsFile))).Replace('\\', '/');
        if (relative == ".." || relative.StartsWith("../", StringComparison.Ordinal) || Path.IsPathRooted(relative))
        {
            throw new UsageException($"--requirements-file {Output.OutputSafety.Escape(requirementsFile)}: must be inside {DisplayPath.ForLine(directory)} (Connect installs from the bundle)");
        }

        return relative;
    }
}
