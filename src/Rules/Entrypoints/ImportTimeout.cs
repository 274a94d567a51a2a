using Connect.Lint.Rules.Analysis;
using Connect.Lint.Rules.Model;
using Connect.Lint.Rules.Model.Python;

namespace Connect.Lint.Rules.Entrypoints;

/// <summary>CL2005: the import did not finish in time; reported where the code was stuck.</summary>
public sealed class ImportTimeout : PythonRule
{
    public override DiagnosticDescriptor Descriptor { get; } = Descriptors.Create(
        "CL2005", "import-timeout",
        "Importing the entrypoint did not finish in time",
        "importing '{0}' did not finish within {1} s and was stopped: Connect would fail to start it",
        RuleCategory.Entrypoint, Severity.Error, needs: RuleNeeds.PythonImport);

    protected override void AnalyzeFacts(Deployment deployment, PythonFacts facts, DiagnosticSink sink)
    {
        if (facts.TimedOut)
        {
            sink.Report(Create(At(deployment, facts.StuckAt, facts), null, facts.Entrypoint, facts.TimeoutSeconds.ToString("0.#", System.Globalization.CultureInfo.InvariantCulture)));
        }
    }
}
