using Connect.Lint.Loading;
using Connect.Lint.Pipeline.Facts;
using Connect.Lint.Python;
using Connect.Lint.Rules;
using Connect.Lint.Rules.Analysis;
using Connect.Lint.Rules.Model;
using Connect.Lint.Rules.Model.Python;
using Connect.Lint.Settings;

namespace Connect.Lint.Pipeline;

/// <summary>A deployment as loaded, with the interpreter that answered for it (if any).</summary>
public sealed record LoadedDeployment(Deployment Deployment, InterpreterChoice? Interpreter);

/// <summary>
/// The stages every command goes through, in order: discover → resolve settings → load (files, Git, Python) →
/// analyse → fix → report. <c>check</c>, <c>inspect</c>, <c>write-manifest</c>, <c>--watch</c> and the language
/// server call these and nothing below them. No stage knows a rule by its ID: what to load follows from the enabled rules' needs.
/// </summary>
public static class AnalysisPipeline
{
    /// <summary>Discover: the deployment directories below the named paths (or that named files are in).</summary>
    /// <param name="outsideDeployments">Named files that are in no deployment.</param>
    public static IReadOnlyList<DeploymentTarget> Discover(IReadOnlyList<string> paths, out IReadOnlyList<string> outsideDeployments) =>
        DeploymentDiscovery.Find(paths.Count == 0 ? ["."] : paths, out outsideDeployments);

    /// <summary>Resolve settings: defaults, the nearest [tool.connect-lint], the command line.</summary>
    public static DeploymentSettings ResolveSettings(DeploymentTarget target, CommandLineSettings commandLine) =>
        SettingsResolver.For(target.Directory, commandLine, target.Commit);

    /// <summary>
    /// Load: the files, then the costly facts the plan wants (<see cref="FactPlan"/>), each from its provider: the
    /// early ones (Git, the import) while the files are hashed, the late ones (the interpreter's versions, the
    /// rehearsal) from the loaded deployment. <paramref name="reusePython"/> skips the import (see <see cref="FixStage"/>);
    /// <paramref name="also"/> and <paramref name="without"/> are the command's own wants, whatever the rules want
    /// (inspect always imports, and does not ask for installed distributions).
    /// </summary>
    public static LoadedDeployment Load(
        DeploymentTarget target, DeploymentSettings settings, PythonFacts? reusePython = null, RuleNeeds also = RuleNeeds.None, RuleNeeds without = RuleNeeds.None)
    {
        var plan = FactPlan.For(settings, also, without);
        var options = new LoadOptions { Excludes = settings.Exclude.Value, Configured = settings.ConfigExclusions };
        ProjectInventory? project = null; // the loader's, which late providers start from too
        var deployment = DeploymentLoader.Load(target, options, inventory => StartEarly(plan, settings, project = inventory, reusePython));
        foreach (var provider in FactProviders.All.Where(p => !p.StartsBeforeFiles && plan.WantsFor(deployment, p.Provides)))
        {
            Output.ProgressLine.Activity($"{provider.Activity} of {Reporting.DisplayPath.Of(deployment.Directory)}");
            var apply = provider.Gather(new FactRequest(settings, plan, project!, deployment));
            deployment = deployment with { Facts = apply(deployment.Facts) };
        }

        deployment = deployment with { ServerPythonVersions = settings.ServerPythonVersions.Value };
        Trace.Mark("loaded");
        return new LoadedDeployment(deployment, RanPython(deployment.Facts) ? settings.Interpreter : null);
    }

    /// <summary>write-manifest's load: the files a new manifest lists, none of the facts.</summary>
    public static Deployment LoadFiles(DeploymentTarget target, LoadOptions options) => DeploymentLoader.Load(target, options with { Analyse = false });

    /// <summary>The early providers the plan wants, started together; their answers are applied in the providers' order.</summary>
    private static FactsInFlight StartEarly(FactPlan plan, DeploymentSettings settings, ProjectInventory project, PythonFacts? reusePython)
    {
        var providers = FactProviders.All.Where(p => p.StartsBeforeFiles && plan.Wants(p.Provides)).ToList();
        var request = new FactRequest(settings, plan, project, ReusePython: reusePython);
        var running = providers.Select(p => Task.Run(() => p.Gather(request))).ToList();
        var all = Task.WhenAll(running).ContinueWith(
            done => done.GetAwaiter().GetResult().Aggregate(DeploymentFacts.None, (facts, apply) => apply(facts)), TaskScheduler.Default);
        string StillRunning() => string.Join(", ", providers.Where((_, i) => !running[i].IsCompleted).Select(p => p.Activity));
        return new FactsInFlight(all, StillRunning);
    }

    /// <summary>True when the settings' interpreter ran for this deployment (the reports name it then).</summary>
    private static bool RanPython(DeploymentFacts facts) =>
        facts.Python.IsGathered || facts.InterpreterVersions.State != FactState.NotAsked || facts.Rehearsal.IsGathered;

    /// <summary>Analyse: the enabled rules, suppressions, severities and per-file-ignores.</summary>
    public static IReadOnlyList<Diagnostic> Analyse(Deployment deployment, DeploymentSettings settings) =>
        LintEngine.Analyze(deployment, settings);
}
