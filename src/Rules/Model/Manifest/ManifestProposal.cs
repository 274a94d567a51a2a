using Connect.Lint.Rules.Model.Json;
using Connect.Lint.Rules.Model.Python;

namespace Connect.Lint.Rules.Model.Manifest;

/// <summary>Where <c>environment.python.requires</c> comes from (.python-version, pyproject.toml, setup.cfg), as the loader read it.</summary>
/// <param name="Requires">The adapted requirement; null when no file says or the one that says is unusable.</param>
/// <param name="Source">The file it came from.</param>
/// <param name="Problem">Why the file that says it could not be used.</param>
public sealed record PythonRequiresDeclaration(string? Requires, string? Source, string? Problem)
{
    public static readonly PythonRequiresDeclaration None = new(null, null, null);
}

/// <summary>A manifest ready to write, with what a person should be told about it.</summary>
public sealed record ManifestProposal(JsonObject Manifest, string Entrypoint, int FileCount, IReadOnlyList<string> Notices)
{
    /// <summary>The manifest's bytes as text (a fix's edit); <see cref="WriteTo"/> writes them without holding them.</summary>
    public string Text => ManifestComposer.Render(Manifest);

    public void WriteTo(TextWriter writer) => ManifestComposer.Render(writer, Manifest);
}

/// <summary>
/// The manifest rsconnect's <c>write-manifest api</c> would write for a deployment as loaded, keeping what it does
/// not derive. Used by CL1001's fix and by <c>write-manifest</c>, so both write the same bytes.
/// </summary>
public static class ManifestProposals
{
    /// <param name="python">The interpreter's versions and locale.</param>
    /// <param name="entrypointOverride">--entrypoint, when given.</param>
    /// <param name="staticEntrypoint">Asked only when rsconnect's rules do not decide (it may run the interpreter).</param>
    /// <param name="display">How a deployment-relative path is shown in a problem.</param>
    /// <param name="sourceOf">The text of a deployment file (a package's __init__.py, when no module is the app), or null.</param>
    /// <param name="problem">Why no manifest can be made: one line a person can act on.</param>
    public static ManifestProposal? Compose(
        Deployment deployment, EnvironmentFacts python, string? entrypointOverride, Func<string?> staticEntrypoint, Func<string, string> display,
        Func<string, string?> sourceOf, out string? problem, ManifestChoices? choices = null)
    {
        problem = null;
        if (!deployment.StateOf(deployment.PackageFile).Exists)
        {
            problem = $"{display(deployment.PackageFile)} not found: Connect installs the app's packages from it. " +
                      "Create it (list what the app imports, e.g. 'flask==3.0.3') and run again.";
            return null;
        }

        var existing = deployment.Manifest;
        var entrypoint = ChooseEntrypoint(deployment, existing, entrypointOverride, staticEntrypoint, display, sourceOf, out problem);
        if (entrypoint is null)
        {
            return null;
        }

        var notices = new List<string>();
        var requires = deployment.PythonRequires;
        // rsconnect: --override-python-version replaces what the project's files require.
        var pythonRequires = choices?.PythonVersion is { } overridden ? $"=={overridden}" : requires.Requires;
        if (choices?.PythonVersion is not null)
        {
            notices.Add($"python.version {choices.PythonVersion} and environment.python.requires \"{pythonRequires}\" from --override-python-version");
        }
        else if (requires.Problem is { } unusable)
        {
            notices.Add($"environment.python.requires not written: {unusable}");
        }
        else if (requires.Requires is not null)
        {
            notices.Add($"environment.python.requires \"{requires.Requires}\" from {requires.Source}");
        }

        var files = ExpectedFiles.For(deployment);
        var inputs = new ManifestInputs
        {
            Entrypoint = entrypoint,
            Locale = python.Locale ?? string.Empty,
            PythonVersion = choices?.PythonVersion ?? python.Python,
            PipVersion = python.Pip,
            PackageFile = deployment.PackageFile,
            PythonRequires = pythonRequires,
            Files = files,
            PackageManager = choices?.PackageManager ?? "pip",
            AllowUv = choices?.AllowUv,
            Image = choices?.Image,
            EnvironmentManagementPython = choices?.ManagePython,
            EnvironmentManagementR = choices?.ManageR,
        };
        var manifest = ManifestComposer.Compose(inputs, existing);
        return new ManifestProposal(manifest, entrypoint, files.Count, notices);
    }

    /// <summary>
    /// When rsconnect's rules do not decide: the one top-level module whose code constructs Flask(...), as the
    /// bridge's static look (nothing of the user's code needs to succeed) shows it.
    /// </summary>
    public static string? EntrypointFromStaticFacts(PythonFacts? facts)
    {
        var modules = (facts?.Files ?? [])
            .Where(f => !f.File.Contains('/') && f.File.EndsWith(".py", StringComparison.Ordinal) && f.FlaskApps.Count > 0)
            .Select(f => f.File[..^3])
            .Where(module => EntrypointInference.NotAnApp(module) is null)
            .ToList();
        return modules.Count == 1 ? modules[0] : null;
    }

    private static string? ChooseEntrypoint(
        Deployment deployment, ConnectManifest? existing, string? entrypointOverride, Func<string?> staticEntrypoint, Func<string, string> display,
        Func<string, string?> sourceOf, out string? problem, ManifestChoices? choices = null)
    {
        problem = null;
        if (entrypointOverride is not null)
        {
            if (Entrypoint.SyntaxProblem(entrypointOverride) is { } syntax)
            {
                problem = $"--entrypoint '{entrypointOverride}': {syntax}";
                return null;
            }

            return entrypointOverride;
        }

        if (existing?.Entrypoint?.Value is { } kept && Entrypoint.SyntaxProblem(kept) is null)
        {
            return kept;
        }

        var choice = EntrypointInference.Choose(deployment.Inventory, sourceOf);
        var chosen = EntrypointInference.EntrypointOf(choice.Module, sourceOf) ?? staticEntrypoint();
        if (chosen is null)
        {
            problem = $"{display(".")}: {choice.WhyNone()}";
        }

        return chosen;
    }
}
