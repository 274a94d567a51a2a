using Connect.Lint.Rules.Analysis;
using Connect.Lint.Rules.Model;
using Connect.Lint.Rules.Model.Rehearsal;

namespace Connect.Lint.Rules.Tool;

/// <summary>
/// CL9006: the deploy rehearsal stopped short (no venv module, a time limit, an interpreter that would not run), or
/// pip could not look a requirement up where Connect would (no reachable index, only a local wheelhouse).
/// </summary>
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

        // A requirement this machine's pip could not look up where Connect would: the install stopped, for a local reason.
        foreach (var problem in rehearsal.InstallProblems.Where(p => !p.IsConnects))
        {
            var (location, subject) = Requirements.RequirementsDoNotInstall.Place(deployment, rehearsal, problem);
            sink.Report(Create(location, null, $"{subject} could not be installed here: {problem.Reason}"));
        }
    }
}
