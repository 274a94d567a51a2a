using Connect.Lint.Rules.Analysis;
using Connect.Lint.Rules.Model;

namespace Connect.Lint.Rules.Requirements;

/// <summary>CL3005: a pin with a local version label (==1.0+g1a2b3c), which no package index serves.</summary>
public sealed class LocalVersionLabel : RequirementsRule
{
    public override DiagnosticDescriptor Descriptor { get; } = Descriptors.Create(
        "CL3005", "local-version-label",
        "A pinned version with a local label no index has",
        "{0}=={1} has a local version label ('+{2}'): package indexes do not serve it, so the install fails on Connect",
        RuleCategory.Requirements, Severity.Warning);

    protected override void AnalyzeRequirements(Deployment deployment, DiagnosticSink sink)
    {
        foreach (var requirement in deployment.Requirements.SelectMany(f => f.Requirements))
        {
            if (requirement.PinnedVersion is { } version && version.IndexOf('+') is var plus and > 0)
            {
                sink.Report(Create(At(requirement.FilePath, requirement.Span), null, requirement.Name, version, version[(plus + 1)..]));
            }
        }
    }
}
