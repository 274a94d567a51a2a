using Connect.Lint.Fixing;
using Connect.Lint.Loading;
using Connect.Lint.Python;
using Connect.Lint.Reporting;

namespace Connect.Lint.Commands;

public sealed record WriteManifestOptions
{
    public string Directory { get; init; } = ".";
    public string? Entrypoint { get; init; }
    public IReadOnlyList<string> Exclude { get; init; } = [];
    public bool Overwrite { get; init; }
    public string? Python { get; init; }
}

/// <summary><c>connect-lint write-manifest</c>: a drop-in for <c>rsconnect write-manifest api</c>, same bytes.</summary>
public static class WriteManifestCommand
{
    public static int Run(WriteManifestOptions options, TextWriter stderr)
    {
        var directory = Path.GetFullPath(options.Directory);
        if (!System.IO.Directory.Exists(directory))
        {
            throw new UsageException($"{options.Directory}: no such directory");
        }

        var manifestPath = Path.Combine(directory, "manifest.json");
        if (File.Exists(manifestPath) && !options.Overwrite)
        {
            throw new UsageException($"{DisplayPath.ForLine(manifestPath)} already exists; pass --overwrite to regenerate it (unknown fields are kept)");
        }

        using var progress = Output.ProgressLine.Start(() => $"writing {DisplayPath.Of(manifestPath)}");
        var deployment = DeploymentLoader.Load(new DeploymentTarget(directory, true), options.Exclude, analyse: false);
        var unreadable = deployment.UnreadFiles.Where(u => u.Kind == Rules.Model.UnreadKind.Refused && deployment.Inventory.Contains(u.RelativePath)).ToList();
        if (unreadable.Count > 0)
        {
            // A manifest that silently leaves a file out deploys an app without it: name the files instead.
            throw new UsageException($"cannot list {string.Join(", ", unreadable.Take(5).Select(u => $"{Output.OutputSafety.Escape(u.RelativePath)}: {u.Reason}"))}" +
                                     (unreadable.Count > 5 ? $" and {unreadable.Count - 5} more" : string.Empty) +
                                     "; fix the permissions or leave the files out with --exclude");
        }
        if (deployment.ManifestLoad.Error is { } error)
        {
            stderr.WriteLine($"connect-lint: {DisplayPath.Of(manifestPath)}:{error.Line}:{error.Column}: existing manifest not readable ({error.Message}); writing a new one");
        }

        var interpreter = InterpreterLocator.Locate(directory, options.Python, Environment.GetEnvironmentVariable)
                          ?? throw new UsageException("no Python interpreter found (looked at .venv/venv/env up to the repository root, $VIRTUAL_ENV, python3 on PATH); pass --python PATH");
        var python = PythonEnvironmentQuery.Run(interpreter, TimeSpan.FromSeconds(30), out var problem)
                     ?? throw new UsageException(problem!);
        string? AskBridge()
        {
            var (facts, _) = PythonBridge.Run(new FileAccessPolicy(directory), null, deployment.Inventory,
                new PythonOptions(options.Python, new ProcessHost(), TimeSpan.FromSeconds(20)) { StaticOnly = true });
            return Rules.Model.Manifest.ManifestProposals.EntrypointFromStaticFacts(facts);
        }

        Trace.Mark("environment queried");
        var generated = ManifestGenerator.Generate(deployment, python, options.Entrypoint, AskBridge);
        Trace.Mark("generated");

        AtomicFile.WriteText(manifestPath, generated.WriteTo);
        progress.Dispose(); // erased before what is said about it
        Trace.Mark("written");
        stderr.WriteLine($"Wrote {DisplayPath.Of(manifestPath)}: entrypoint {generated.Entrypoint}, {generated.FileCount} files, " +
                         InterpreterChoice.Describe(python.Interpreter, python.Reason, python.PythonVersion, python.Facts.Executable));
        foreach (var notice in generated.Notices)
        {
            stderr.WriteLine($"  {notice}");
        }

        foreach (var excluded in deployment.Excluded.Where(e => e.Reason != "the manifest itself" && e.RelativePath != ".git/"))
        {
            stderr.WriteLine($"  left out {Output.OutputSafety.Escape(excluded.RelativePath)}: {excluded.Reason}");
        }

        return 0;
    }
}
