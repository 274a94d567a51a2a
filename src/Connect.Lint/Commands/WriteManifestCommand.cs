using Connect.Lint.Fixing;
using Connect.Lint.Loading;
using Connect.Lint.Python;
using Connect.Lint.Reporting;
using Connect.Lint.Rules.Model;
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

    /// <summary>-g: write the requirements file from pip freeze (a missing one is refused without it, as rsconnect does).</summary>
    public bool ForceGenerate { get; init; }

    /// <summary>-r: the requirements file, relative to DIR (default: [tool.rsconnect] requirements_file, else requirements.txt);
    /// pyproject.toml and uv.lock are exported first, as rsconnect does.</summary>
    public string? RequirementsFile { get; init; }

    public ManifestChoices Environment { get; init; } = ManifestChoices.None;

    /// <summary>-v: list every file written into the manifest.</summary>
    public bool Verbose { get; init; }

    /// <summary>--package-installer (pip or uv): python.package_manager's name and allow_uv, as rsconnect's deploy writes them.</summary>
    public string? PackageInstaller { get; init; }

    /// <summary>--exclude-renv: renv.lock's R packages are not read. They never are here; the flag only quiets the notice.</summary>
    public bool ExcludeRenv { get; init; }
}

/// <summary><c>connect-lint write-manifest</c>: a drop-in for <c>rsconnect write-manifest api</c>, same bytes.</summary>
public static class WriteManifestCommand
{
    public static int Run(WriteManifestOptions options, TextWriter stderr)
    {
        // As rsconnect: what click rejects before the command starts exits 2, what the command refuses exits 1.
        var directory = StartDirectory.FullPathOf(options.Directory);
        if (!System.IO.Directory.Exists(directory))
        {
            throw new UsageException($"{options.Directory}: no such directory");
        }

        var named = ExtraFiles(directory, options.ExtraFiles);
        try
        {
            return Write(options, directory, named, stderr);
        }
        catch (UsageException refused) when (refused.ExitCode == 2)
        {
            throw UsageException.Refused(refused.Message);
        }
    }

    private static int Write(WriteManifestOptions options, string directory, HashSet<string> named, TextWriter stderr)
    {
        var manifestPath = Path.Combine(directory, "manifest.json");
        if (File.Exists(manifestPath) && !options.Overwrite)
        {
            throw new UsageException($"{DisplayPath.ForLine(manifestPath)} already exists; pass --overwrite (-o) to regenerate it (unknown fields are kept)");
        }

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

        if (options.PackageInstaller is { } installer)
        {
            // rsconnect sets the installer after reading the environment: the flag wins over an export's "uv".
            choices = choices with { PackageManager = installer };
        }

        var policy = new FileAccessPolicy(directory);
        var requirementsPath = Path.Combine(directory, packageFile ?? "requirements.txt");
        var existed = File.Exists(requirementsPath);
        if (!existed && !options.ForceGenerate)
        {
            // rsconnect 1.29: Connect installs from this file, and a pip freeze of this machine is no substitute unasked.
            throw new UsageException($"the requirements file '{Output.OutputSafety.Escape(packageFile ?? "requirements.txt")}' does not exist in {DisplayPath.ForLine(directory)}: " +
                                     "create it, name another with --requirements-file (-r), or pass --force-generate (-g) to write it from pip freeze");
        }

        if (options.ForceGenerate)
        {
            // Refuse a directory with no app before writing anything into it (the manifest needs the file first).
            var inventory = FileInventory.Build(policy, [.. options.Exclude.Select(e => RsconnectGlob.Create(e, directory))], null, named).Files;
            if (entrypoint is null && !File.Exists(manifestPath) && EntrypointInference.Choose(inventory, policy.SourceOf) is { Module: null } none)
            {
                throw new UsageException($"{DisplayPath.ForLine(directory)}: {none.WhyNone()}");
            }

            var frozen = FrozenRequirements.Freeze(python.Interpreter, directory);
            AtomicFile.WriteText(requirementsPath, frozen.Text);
            notices.Add($"{(existed ? "rewrote" : "wrote")} {DisplayPath.ForLine(requirementsPath)} from pip freeze of {python.Interpreter} ({frozen.Describe()}); review it ('connect-lint check' names any import it misses)");
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
        if (AppConnectWouldNotFind(generated.Entrypoint, policy.SourceOf) is { } unseen)
        {
            notices.Add(unseen);
        }

        if (!options.ExcludeRenv && File.Exists(Path.Combine(directory, "renv.lock")))
        {
            notices.Add("renv.lock is listed as a file; its R packages are not read (a Flask API needs none), as with rsconnect's --exclude-renv");
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

    /// <summary>
    /// A warning when the module's text binds none of the names Connect tries (app, application, create_app,
    /// make_app) or not the object named: rsconnect writes such a manifest without a word, and Connect's import then
    /// fails. Any WSGI callable is accepted, Flask or not. Null when the text shows it, or the module was not read.
    /// </summary>
    private static string? AppConnectWouldNotFind(string entrypoint, Func<string, string?> sourceOf)
    {
        var module = entrypoint.Split(':')[0];
        var path = module.Replace('.', '/');
        var file = sourceOf(path + ".py") is not null ? path + ".py" : path + "/__init__.py";
        if (sourceOf(file) is not { } source)
        {
            return null;
        }

        // module:object, or module:factory() (the name before the call is what the module binds).
        var objectName = entrypoint.Contains(':', StringComparison.Ordinal) ? entrypoint[(entrypoint.IndexOf(':', StringComparison.Ordinal) + 1)..].Split('(')[0].Trim() : null;
        string[] names = objectName is null ? [.. EntrypointInference.ConnectsObjectNames] : [objectName];
        if (names.Any(name => EntrypointInference.Defines(source, name)))
        {
            return null;
        }

        var missing = objectName is null
            ? $"binds none of {string.Join(", ", names)} (what Connect looks for in a module named alone)"
            : $"does not bind {Output.OutputSafety.Escape(objectName)}";
        return $"warning: {Output.OutputSafety.Escape(file)} {missing} at its top level, as far as its text shows: " +
               "name the app with --entrypoint module:object, or run 'connect-lint check', which imports it";
    }

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
