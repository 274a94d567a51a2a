using Connect.Lint.Rules.Analysis;
using Connect.Lint.Rules.Model;
using Connect.Lint.Rules.Model.Python;

namespace Connect.Lint.Rules.Entrypoints;

/// <summary>CL2002: importing the entrypoint raised; reported at the user's own frame.</summary>
public sealed class EntrypointImportFailed : PythonRule
{
    public override DiagnosticDescriptor Descriptor { get; } = Descriptors.Create(
        "CL2002", "entrypoint-import-failed",
        "Importing the entrypoint raised an exception",
        "importing '{0}' raised {1}: {2}",
        RuleCategory.Entrypoint, Severity.Error, needs: RuleNeeds.PythonImport);

    protected override void AnalyzeFacts(Deployment deployment, PythonFacts facts, DiagnosticSink sink)
    {
        if (facts.Import is not { Outcome: ImportOutcome.Error, Error: { } error } import)
        {
            return;
        }

        // A package the environment lacks is CL9002's; the entrypoint module itself missing is CL2001's.
        if (error.MissingModule is { } missing && (!deployment.IsLocalModule(missing) || missing == import.Module))
        {
            return;
        }

        sink.Report(Create(At(deployment, import.Where, facts), null, import.Module, error.Type, error.Message));
    }
}
