using Connect.Lint.Rules.Analysis;
using Connect.Lint.Rules.Model;
using Connect.Lint.Rules.Model.Rehearsal;

namespace Connect.Lint.Rules.Tool;

/// <summary>CL9006: the deploy rehearsal stopped short (no venv module, a time limit, an interpreter that would not run).</summary>
public sealed class RehearsalIncomplete : RehearsalRule
{
    public override DiagnosticDescriptor Descriptor { get; } = Descriptors.Create(
        "CL9006", "rehearsal-incomplete",
        "The deploy rehearsal could not run through",
        "the deploy rehearsal stopped short: {0}",
        RuleCategory.Tool, Severity.Warning, needs: RuleNeeds.Rehearsal);

    protected override void AnalyzeRehearsal(Deployment deployment, RehearsalFacts rehearsal, DiagnosticSink sink)
    {
        if (rehearsal.Incomplete is { } reason)
        {
            var packageFile = deployment.Requirements.FirstOrDefault()?.FilePath;
            sink.Report(Create(Location.WholeFile(packageFile ?? deployment.ManifestPath), null, reason));
        }
    }
}
