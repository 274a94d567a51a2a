using Connect.Lint.Python;
using Connect.Lint.Rules.Analysis;
using Connect.Lint.Rules.Model;
using Connect.Lint.Rules.Model.Python;

namespace Connect.Lint.Pipeline.Facts;

/// <summary>
/// The bridge's answer: the project's interpreter imports the entrypoint (and, when a rule needs them, lists the
/// installed distributions). Not asked with --no-python, or when manifest.json belongs to other content and only the
/// rules want the import (inspect asks anyway: the entrypoint is then inferred, as without a manifest).
/// </summary>
public sealed class PythonImportProvider : IFactProvider
{
    public RuleNeeds Provides => RuleNeeds.PythonImport | RuleNeeds.InstalledPackages;

    public bool StartsBeforeFiles => true;

    public string Activity => "importing the app";

    public Func<DeploymentFacts, DeploymentFacts> Gather(FactRequest request)
    {
        var (settings, project) = (request.Settings, request.Project);
        var othersManifest = project.ManifestLoad.Manifest?.IsConnectManifest == false;
        if (!settings.RunPython.Value || (othersManifest && !request.Plan.CommandWants(RuleNeeds.PythonImport)))
        {
            return facts => facts;
        }

        var (answer, unavailable) = request.ReusePython is { } reused
            ? (reused, null)
            : PythonBridge.Run(project.Policy, project.Manifest, project.Files, OptionsFor(request), dependsOn: KeptAnswerKey(request));
        var fact = Fact<PythonFacts>.From(answer, unavailable);
        return facts => facts with { Python = fact };
    }

    private static PythonOptions OptionsFor(FactRequest request)
    {
        var settings = request.Settings;
        IPythonHost host = settings.PythonHost.Value == "embedded" ? new EmbeddedHost() : new ProcessHost();
        return new PythonOptions(settings.Interpreter, host, TimeSpan.FromSeconds(settings.ImportTimeoutSeconds.Value), settings.EntrypointOverride)
        {
            WantDistributions = request.Plan.Wants(RuleNeeds.InstalledPackages),
            UseCache = settings.UseCache.Value,
            Vars = settings.Vars.Value,
        };
    }

    /// <summary>
    /// The files an answer kept for later is keyed on; null keeps none: a private copy of a commit is read once, at a
    /// path no later check has (a commit the work tree holds is checked in place, and shares the work tree's answers).
    /// </summary>
    private static IReadOnlyList<string>? KeptAnswerKey(FactRequest request) =>
        request.Settings.Commit is { InPlace: false } ? null : [.. request.Project.Files.Where(IsSourceOrRequirements)];

    /// <summary>What an earlier import's answer is keyed on (the answer cache also checks every file the import opened).</summary>
    private static bool IsSourceOrRequirements(string relative)
    {
        var name = Path.GetFileName(relative);
        return name.EndsWith(".py", StringComparison.Ordinal) || (name.StartsWith("requirements", StringComparison.Ordinal) && name.EndsWith(".txt", StringComparison.Ordinal))
               || name is "pyproject.toml" or "setup.cfg";
    }
}
