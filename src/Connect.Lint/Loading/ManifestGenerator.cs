using Connect.Lint.Python;
using Connect.Lint.Rules.Model;
using Connect.Lint.Rules.Model.Manifest;

namespace Connect.Lint.Loading;

/// <summary>A manifest ready to write, with what a person should be told about it.</summary>
public sealed record GeneratedManifest(string Text, string Entrypoint, int FileCount, IReadOnlyList<string> Notices);

/// <summary>Builds the manifest rsconnect's <c>write-manifest api</c> would write, keeping what it does not derive.</summary>
public static class ManifestGenerator
{
    /// <summary>Throws <see cref="UsageException"/> with a one-line reason when no manifest can be made.</summary>
    public static GeneratedManifest Generate(Deployment deployment, PythonEnvironment python, string? entrypointOverride, Func<string?>? askBridge = null)
    {
        var notices = new List<string>();
        if (!deployment.StateOf(deployment.PackageFile).Exists)
        {
            throw new UsageException($"{Display(deployment, deployment.PackageFile)} not found: Connect installs the app's packages from it. " +
                                     "Create it (list what the app imports, e.g. 'flask==3.0.3') and run again.");
        }

        var existing = deployment.Manifest;
        var entrypoint = ChooseEntrypoint(deployment, existing, entrypointOverride, askBridge);
        var (requires, source, problem) = PythonRequiresSource.Find(deployment.Directory);
        if (problem is not null)
        {
            notices.Add($"environment.python.requires not written: {problem}");
        }
        else if (requires is not null)
        {
            notices.Add($"environment.python.requires \"{requires}\" from {source}");
        }

        var files = ExpectedFiles.For(deployment);
        var inputs = new ManifestInputs
        {
            Entrypoint = entrypoint,
            Locale = python.Locale,
            PythonVersion = python.PythonVersion,
            PipVersion = python.PipVersion,
            PackageFile = deployment.PackageFile,
            PythonRequires = requires,
            Files = files,
        };
        var manifest = ManifestComposer.Compose(inputs, existing);
        return new GeneratedManifest(ManifestComposer.Render(manifest), entrypoint, files.Count, notices);
    }

    private static string ChooseEntrypoint(Deployment deployment, ConnectManifest? existing, string? entrypointOverride, Func<string?>? askBridge)
    {
        if (entrypointOverride is not null)
        {
            if (Entrypoint.SyntaxProblem(entrypointOverride) is { } problem)
            {
                throw new UsageException($"--entrypoint '{entrypointOverride}': {problem}");
            }

            return entrypointOverride;
        }

        if (existing?.Entrypoint?.Value is { } kept && Entrypoint.SyntaxProblem(kept) is null)
        {
            return kept;
        }

        return EntrypointInference.Infer(deployment.Inventory)
               ?? askBridge?.Invoke()
               ?? throw new UsageException($"{Display(deployment, ".")}: cannot tell which module is the app (no app.py, application.py, main.py or api.py, " +
                                           "and not exactly one top-level .py file that creates a Flask app); pass --entrypoint module:app");
    }

    /// <summary>
    /// When rsconnect's rules do not decide: the one top-level module whose code constructs Flask(...), as the
    /// bridge's static look (nothing of the user's code needs to succeed) shows it.
    /// </summary>
    public static string? EntrypointFromStaticFacts(Rules.Model.Python.PythonFacts? facts)
    {
        var modules = (facts?.Files ?? [])
            .Where(f => !f.File.Contains('/') && f.File.EndsWith(".py", StringComparison.Ordinal) && f.FlaskApps.Count > 0)
            .Select(f => f.File[..^3])
            .ToList();
        return modules.Count == 1 ? modules[0] : null;
    }

    private static string Display(Deployment deployment, string relative) =>
        Reporting.DisplayPath.Of(Path.Combine(deployment.Directory, relative));
}
