using System.Diagnostics;
using Connect.Lint.Processes;
using Connect.Lint.Rules.Model.Requirements;

namespace Connect.Lint.Fixing;

/// <summary>
/// write-manifest's <c>-r pyproject.toml</c> and <c>-r uv.lock</c>, as rsconnect does them: [project].dependencies
/// written to requirements.txt, or <c>uv export</c> of the lock written to requirements.txt.lock (package manager uv).
/// </summary>
public static class RequirementsExporter
{
    public static readonly TimeSpan UvTimeout = TimeSpan.FromSeconds(120);

    /// <summary>The package file written (relative to the directory) and the package manager that installs it.</summary>
    public static (string PackageFile, string PackageManager) Export(string directory, string source)
    {
        if (Path.GetFileName(source) == RequirementsExport.FromUvLock)
        {
            var text = RequirementsExport.OfUvExport(UvExport(directory, source), DateTime.UtcNow);
            AtomicFile.WriteText(Path.Combine(directory, "requirements.txt.lock"), text);
            return ("requirements.txt.lock", "uv");
        }

        var facts = Loading.PyprojectReader.Read(Path.GetDirectoryName(Path.Combine(directory, source))!)
                    ?? throw new UsageException($"--requirements-file {source}: no readable pyproject.toml there");
        if (facts.Dependencies is not { } dependencies)
        {
            throw new UsageException($"{source}: [project].dependencies is missing or not a list of strings; Connect would have nothing to install");
        }

        AtomicFile.WriteText(Path.Combine(directory, "requirements.txt"), RequirementsExport.OfPyproject(dependencies, DateTime.UtcNow));
        return ("requirements.txt", "pip");
    }

    /// <summary>rsconnect's command: <c>uv export</c> from the lock's directory, frozen and offline, without hashes, annotations, header or the project itself.</summary>
    private static string UvExport(string directory, string lockFile)
    {
        var lockPath = Path.Combine(directory, lockFile);
        if (!File.Exists(lockPath))
        {
            throw new UsageException($"--requirements-file {lockFile}: not found");
        }

        var uv = Python.InterpreterLocator.FindOnPath("uv", Environment.GetEnvironmentVariable("PATH"))
                 ?? throw new UsageException($"--requirements-file {lockFile}: exporting uv.lock runs 'uv export' (as rsconnect does), and uv is not on PATH; install uv (https://docs.astral.sh/uv/) or export the requirements yourself");
        var output = Path.Combine(Path.GetTempPath(), $"connect-lint-uv-export-{Guid.NewGuid():N}.txt");
        try
        {
            var start = new ProcessStartInfo(uv, ["export", "--format", "requirements-txt", "--frozen", "--no-hashes", "--no-annotate", "--offline", "--no-header", "--no-emit-project", "--output-file", output])
            {
                WorkingDirectory = Path.GetDirectoryName(lockPath)!,
            };
            var outcome = BoundedProcess.Run(start, UvTimeout);
            if (!outcome.Succeeded || !File.Exists(output))
            {
                var detail = outcome.TimedOut ? $"it did not finish within {UvTimeout.TotalSeconds:0} s" : outcome.StderrTail.Trim().Split('\n').LastOrDefault() ?? $"exit {outcome.ExitCode}";
                throw new UsageException($"uv export of {lockFile} failed: {detail}");
            }

            return File.ReadAllText(output);
        }
        finally
        {
            File.Delete(output);
        }
    }
}
