using Connect.Lint.Rules.Analysis;
using Connect.Lint.Rules.Model;
using Connect.Lint.Rules.Model.Rehearsal;

namespace Connect.Lint.Pipeline.Facts;

/// <summary>The deploy rehearsal (check --rehearse): a fresh environment from the requirements, pip, the import, the requests.</summary>
public sealed class RehearsalProvider : IFactProvider
{
    public RuleNeeds Provides => RuleNeeds.Rehearsal;

    public bool StartsBeforeFiles => false;

    public string Activity => "rehearsing the deploy";

    public Func<DeploymentFacts, DeploymentFacts> Gather(FactRequest request)
    {
        var deployment = request.Loaded;
        if (request.Settings.Rehearsal is not { } options || deployment.Manifest?.IsConnectManifest == false)
        {
            return facts => facts; // not asked for (no --rehearse, or --no-python), or other content
        }

        if (request.Settings.Interpreter is not { } interpreter)
        {
            return facts => facts with { Rehearsal = Fact<RehearsalFacts>.Unavailable(Python.InterpreterLocator.NoneFound) };
        }

        var entrypoint = deployment.Python?.Entrypoint ?? deployment.Manifest?.Entrypoint?.Value ?? "app";
        var rehearsal = Rehearsal.DeployRehearsal.Run(deployment, interpreter, entrypoint, options);
        var fact = Fact<RehearsalFacts>.From(rehearsal, "the rehearsal could not start");
        return facts => facts with { Rehearsal = fact };
    }
}
