using Connect.Lint.Rules.Analysis;
using Connect.Lint.Rules.Entrypoints;
using Connect.Lint.Rules.Model;
using Connect.Lint.Rules.Model.Python;

namespace Connect.Lint.Rules.Tool;

/// <summary>CL9002: the local environment lacks a package the app imports, so the import could not be checked.</summary>
public sealed class EnvironmentIncomplete : PythonRule
{
    public override DiagnosticDescriptor Descriptor { get; } = Descriptors.Create(
        "CL9002", "environment-incomplete",
        "The local environment lacks a package the app imports",
        "the environment of {0} has no module '{1}', so importing '{2}' could not be checked; install the requirements into it",
        RuleCategory.Tool, Severity.Warning, needs: RuleNeeds.PythonImport);

    protected override void AnalyzeFacts(Deployment deployment, PythonFacts facts, DiagnosticSink sink)
    {
        if (facts.Import is { Outcome: ImportOutcome.Error, Error.MissingModule: { } missing } import && missing != import.Module && !deployment.IsLocalModule(missing) &&
            !deployment.IsModuleBelowRoot(missing.Split('.')[0]) && !Entrypoints.EntrypointImportFailed.IsMissingSubmoduleOfAnInstalledPackage(facts))
        {
            sink.Report(Create(At(deployment, import.Where, facts), null, facts.Interpreter, missing, import.Module));
        }
    }
}
