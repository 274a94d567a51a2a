using Connect.Lint.Rules.Analysis;
using Connect.Lint.Rules.Model;

namespace Connect.Lint.Rules.Security;

/// <summary>CL5003: a hard-coded root-relative URL in a template attribute or a redirect, which escapes Connect's path prefix.</summary>
public sealed class RootRelativeUrl : SourceFindingRule
{
    public override DiagnosticDescriptor Descriptor { get; } = Descriptors.Create(
        "CL5003", "root-relative-url",
        "A hard-coded root-relative URL escapes Connect's path prefix",
        "{0} is root-relative: Connect serves the app under /content/<guid>/ (or a vanity path), so it points outside the app; {1}",
        RuleCategory.Security, Severity.Warning, precision: "high");

    protected override IReadOnlySet<string> Kinds { get; } = new HashSet<string> { "template-url", "redirect" };

    protected override object?[] MessageArguments(SourceFinding finding)
    {
        var url = finding.Kind == "redirect" ? finding.Text.Trim('"', '\'') : finding.Text[(finding.Text.IndexOf('=') + 1)..];
        var advice = url.StartsWith("/static/", StringComparison.Ordinal)
            ? $"use {{{{ url_for('static', filename='{url["/static/".Length..]}') }}}}"
            : "build it with url_for(...)";
        return [finding.Kind == "redirect" ? $"redirect({finding.Text})" : finding.Text, advice];
    }
}
