using Connect.Lint.Rules.Analysis;
using Connect.Lint.Rules.Model;
using Connect.Lint.Rules.Model.Requirements;

namespace Connect.Lint.Rules.Requirements;

/// <summary>CL3004: a requirement that points at the local disk: -e ., conda's "pkg @ file:///…", local paths and wheels.</summary>
public sealed class LocalPathRequirement : RequirementsRule
{
    public override DiagnosticDescriptor Descriptor { get; } = Descriptors.Create(
        "CL3004", "local-path-requirement",
        "A requirement that points at a local path",
        "'{0}' points at {1}, which does not exist on Connect's server",
        RuleCategory.Requirements, Severity.Error, FixAvailability.Safe, needs: RuleNeeds.InstalledPackages);

    protected override void AnalyzeRequirements(Deployment deployment, DiagnosticSink sink)
    {
        foreach (var requirement in deployment.Requirements.SelectMany(f => f.Requirements))
        {
            if (requirement.LocalPath is not { } url)
            {
                continue;
            }

            Fix? fix = null;
            if (requirement.Name is { } name && requirement.NameSpan is not null && !requirement.Editable)
            {
                var version = deployment.Python?.Packages?.Versions.GetValueOrDefault(PackageNames.Normalize(name));
                var replacement = (version is null ? name : $"{name}=={version}") + (requirement.Markers is { } markers ? $" ; {markers}" : string.Empty);
                fix = new Fix($"Use '{replacement}' from the package index", FixAvailability.Safe,
                    [Replace(FileOf(deployment, requirement), requirement.Span, replacement)]);
            }

            var what = url.StartsWith("file:", StringComparison.OrdinalIgnoreCase) ? "a file on this machine (a conda build path?)" : "a local path";
            sink.Report(Create(At(requirement.FilePath, requirement.Span), fix, requirement.Text, what));
        }
    }
}
