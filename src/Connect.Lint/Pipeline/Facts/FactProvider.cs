using Connect.Lint.Loading;
using Connect.Lint.Rules.Analysis;
using Connect.Lint.Rules.Model;
using Connect.Lint.Rules.Model.Python;
using Connect.Lint.Settings;

namespace Connect.Lint.Pipeline.Facts;

/// <summary>What a provider may start from: the settings, the plan, the inventory, and (for late providers) the deployment as loaded.</summary>
/// <param name="ReusePython">An earlier load's bridge answer when nothing it depends on changed (a fix's reload).</param>
public sealed record FactRequest(DeploymentSettings Settings, FactPlan Plan, ProjectInventory Project, Deployment? Deployment = null, PythonFacts? ReusePython = null)
{
    /// <summary>The deployment of a late provider (one that starts once the files are read).</summary>
    public Deployment Loaded => Deployment ?? throw new InvalidOperationException("an early provider has no deployment yet");
}

/// <summary>
/// One costly fact and how it is gathered. Adding a fact is one provider (listed in <see cref="FactProviders.All"/>)
/// and one <see cref="RuleNeeds"/> flag; the pipeline asks only the providers whose fact the plan wants.
/// </summary>
public interface IFactProvider
{
    /// <summary>The plan's flags this provider answers.</summary>
    RuleNeeds Provides { get; }

    /// <summary>True: it starts from the inventory and runs while the files are hashed; false: it starts from the loaded deployment.</summary>
    bool StartsBeforeFiles { get; }

    /// <summary>What a person is told while waiting for it ("importing the app").</summary>
    string Activity { get; }

    /// <summary>Gathers the fact; the answer sets it on the deployment's facts (gathered, unavailable with a reason, or not asked).</summary>
    Func<DeploymentFacts, DeploymentFacts> Gather(FactRequest request);
}

/// <summary>The providers, in the order late ones run (the interpreter's versions reuse the import's; the rehearsal its entrypoint).</summary>
public static class FactProviders
{
    public static IReadOnlyList<IFactProvider> All { get; } =
        [new GitProvider(), new PythonImportProvider(), new InterpreterVersionsProvider(), new ClosureProvider(), new RehearsalProvider()];
}
