using Connect.Lint.Rules.Analysis;
using Connect.Lint.Rules.Model;

namespace Connect.Lint.Rules.Requirements;

/// <summary>CL3007: a requirement without an exact pin.</summary>
public sealed class UnpinnedRequirement : RequirementsRule
{
    public override DiagnosticDescriptor Descriptor { get; } = Descriptors.Create(
        "CL3007", "unpinned-requirement",
        "A requirement without an exact version pin",
        "{0} is not pinned (==): each deploy may install another version than the one you tested",
        RuleCategory.Requirements, Severity.Note);

    protected override void AnalyzeRequirements(Deployment deployment, DiagnosticSink sink)
    {
        foreach (var requirement in deployment.DeclaredRequirements)
        {
            if (requirement is { Name: not null, Url: null, Editable: false, PinnedVersion: null })
            {
                sink.Report(Create(At(requirement.FilePath, requirement.Span), null, requirement.Name));
            }
        }
    }
}
