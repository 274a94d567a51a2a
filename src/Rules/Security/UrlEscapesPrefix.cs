using Connect.Lint.Rules.Analysis;
using Connect.Lint.Rules.Model;
using Connect.Lint.Rules.Model.Rehearsal;

namespace Connect.Lint.Rules.Security;

/// <summary>
/// CL5005: a response the rehearsal got under Connect's path prefix redirects to, or links to, a root-relative URL
/// outside the prefix. Proven from the real response, it supersedes CL5003's text guess at the same place.
/// </summary>
public sealed class UrlEscapesPrefix : RehearsalRule
{
    public override DiagnosticDescriptor Descriptor { get; } = Descriptors.Create(
        "CL5005", "url-escapes-prefix",
        "A served page or redirect leaves Connect's path prefix",
        "GET {0} {1} when requested under Connect's path prefix: a root-relative URL resolves against the server's root, outside the app; {2}",
        RuleCategory.Security, Severity.Warning, securitySeverity: 2.0, needs: RuleNeeds.Rehearsal);

    protected override void AnalyzeRehearsal(Deployment deployment, RehearsalFacts rehearsal, DiagnosticSink sink)
    {
        foreach (var escape in PrefixEscapes.Of(deployment))
        {
            var did = escape.What == "redirect" ? $"redirected to {escape.Url}" : $"served a page with {escape.What}=\"{escape.Url}\"";
            sink.Report(Create(escape.Location, null, escape.Route.Rule, did, Advice(escape.Url)));
        }
    }

    private static string Advice(string url) =>
        url.StartsWith("/static/", StringComparison.Ordinal)
            ? $"use url_for('static', filename='{url["/static/".Length..]}')"
            : "build it with url_for(...)";
}
