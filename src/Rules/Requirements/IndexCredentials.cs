using System.Text.RegularExpressions;
using Connect.Lint.Rules.Analysis;
using Connect.Lint.Rules.Model;
using Connect.Lint.Rules.Model.Requirements;

namespace Connect.Lint.Rules.Requirements;

/// <summary>CL3009: credentials written into an index URL or a requirement URL.</summary>
public sealed partial class IndexCredentials : RequirementsRule
{
    public override DiagnosticDescriptor Descriptor { get; } = Descriptors.Create(
        "CL3009", "index-credentials",
        "Credentials inside an index or requirement URL",
        "{0} carries credentials in its URL: they are committed and deployed with the app. Use ${{VARIABLE}} references (pip expands them) or Connect's package repository settings",
        RuleCategory.Requirements, Severity.Error, securitySeverity: 8.0);

    protected override void AnalyzeRequirements(Deployment deployment, DiagnosticSink sink)
    {
        foreach (var file in deployment.Requirements)
        {
            foreach (var entry in file.Entries)
            {
                var (url, span, what) = entry switch
                {
                    OptionEntry { Value: { } value, ValueSpan: { } valueSpan } option => (value, valueSpan, option.Option),
                    IncludeEntry include => (include.Target, include.TargetSpan, include.IsConstraint ? "-c" : "-r"),
                    RequirementEntry { Url: { } requirementUrl } requirement => (requirementUrl, requirement.Span, requirement.Name ?? "the requirement"),
                    _ => (null, null, null),
                };
                if (url is not null && UserInfo().Match(url) is { Success: true } match && !match.Groups["userinfo"].Value.Contains("${", StringComparison.Ordinal))
                {
                    sink.Report(Create(At(file.FilePath, span!), null, what));
                }
            }
        }
    }

    [GeneratedRegex(@"^[A-Za-z][A-Za-z0-9+.-]*://(?<userinfo>[^/@\s]+)@")]
    private static partial Regex UserInfo();
}
