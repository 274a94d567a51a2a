using Connect.Lint.Rules.Analysis;
using Connect.Lint.Rules.Model;
using Connect.Lint.Rules.Model.Requirements;
using Connect.Lint.Rules.Requirements;

namespace Connect.Lint.Pipeline.Facts;

/// <summary>
/// What Connect installs: pip's resolution of the requirements (<see cref="Rehearsal.PipResolution"/>). Asked only when
/// the installed metadata cannot tell: the code imports a distribution the requirements do not name, and a declared
/// distribution is not installed where the check runs, so what it brings is unseen. Otherwise pip is not run.
/// </summary>
public sealed class ClosureProvider : IFactProvider
{
    public RuleNeeds Provides => RuleNeeds.ResolvedClosure;

    public bool StartsBeforeFiles => false;

    public string Activity => "resolving the requirements with pip";

    public Func<DeploymentFacts, DeploymentFacts> Gather(FactRequest request)
    {
        var deployment = request.Loaded;
        if (!MetadataCannotTell(deployment) || request.Settings.Interpreter is not { } interpreter || !request.Settings.RunPython.Value)
        {
            return facts => facts;
        }

        // A resolution downloads metadata (and may build a source distribution's): the install timeout bounds it.
        var fact = Rehearsal.PipResolution.Resolve(interpreter.Path, deployment, TimeSpan.FromSeconds(request.Settings.InstallTimeoutSeconds.Value), request.Settings.UseCache.Value);
        return facts => facts with { Closure = fact };
    }

    /// <summary>True when an import is not declared and some declared distribution's metadata is not installed here.</summary>
    private static bool MetadataCannotTell(Deployment deployment)
    {
        if (deployment.Requirements.Count == 0 || deployment.Python?.Packages is not { } installed)
        {
            return false;
        }

        var declared = deployment.DeclaredRequirements.Select(r => r.NormalizedName).OfType<string>().ToHashSet(StringComparer.Ordinal);
        return declared.Any(name => !installed.Versions.ContainsKey(name))
            && ImportedDistributions.For(deployment).Any(i => !ImportedDistributions.IsDeclared(deployment, i, declared));
    }
}
