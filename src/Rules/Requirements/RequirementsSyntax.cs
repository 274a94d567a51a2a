using Connect.Lint.Rules.Analysis;
using Connect.Lint.Rules.Model;

namespace Connect.Lint.Rules.Requirements;

/// <summary>CL3002: a line of a requirements file that pip cannot parse, or an include that cannot be followed.</summary>
public sealed class RequirementsSyntax : RequirementsRule
{
    public override DiagnosticDescriptor Descriptor { get; } = Descriptors.Create(
        "CL3002", "requirements-syntax",
        "A requirements line pip cannot parse",
        "{0}",
        RuleCategory.Requirements, Severity.Error);

    protected override void AnalyzeRequirements(Deployment deployment, DiagnosticSink sink)
    {
        foreach (var error in deployment.Requirements.SelectMany(f => f.Errors).Concat(deployment.RequirementsProblems))
        {
            sink.Report(Create(At(error.FilePath, error.Span), null, error.Message));
        }
    }
}
