using System.Text.RegularExpressions;
using Connect.Lint.Rules.Analysis;
using Connect.Lint.Rules.Model;
using Connect.Lint.Rules.Model.Text;

namespace Connect.Lint.Rules.Security;

/// <summary>CL5003: a hard-coded root-relative URL in a template attribute or a redirect, which escapes Connect's path prefix.</summary>
public sealed partial class RootRelativeUrl : SourceRule
{
    public override DiagnosticDescriptor Descriptor { get; } = Descriptors.Create(
        "CL5003", "root-relative-url",
        "A hard-coded root-relative URL escapes Connect's path prefix",
        "{0} is root-relative: Connect serves the app under /content/<guid>/ (or a vanity path), so it points outside the app; {1}",
        RuleCategory.Security, Severity.Warning, securitySeverity: 2.0, precision: "high");

    protected override void AnalyzeSources(Deployment deployment, DiagnosticSink sink)
    {
        // Where the rehearsal's responses proved an escape, CL5005 reports it: this guess would say it twice.
        var proven = Model.Rehearsal.PrefixEscapes.Of(deployment).Select(e => (e.Location.FilePath, e.Location.Line)).ToHashSet();
        var guesses = new DiagnosticSink();
        AnalyzeText(deployment, guesses);
        foreach (var guess in guesses.Diagnostics.Where(d => !proven.Contains((d.Location.FilePath, d.Location.Line))))
        {
            sink.Report(guess);
        }
    }

    private void AnalyzeText(Deployment deployment, DiagnosticSink sink)
    {
        foreach (var file in deployment.TextFiles)
        {
            if (file.Kind == TextFileKind.Python)
            {
                foreach (var line in PythonCodeLines.Of(file.Text))
                {
                    if (!RootRedirect().IsMatch(line.SpanIn(file.Text)))
                    {
                        continue;
                    }

                    foreach (Match match in RootRedirect().Matches(line.CodeIn(file.Text)))
                    {
                        var quoted = match.Groups["what"];
                        sink.Report(Create(At(file, line, quoted), null, $"redirect({quoted.Value})", Advice(quoted.Value.Trim('"', '\''))));
                    }
                }
            }
            else if (file.Kind == TextFileKind.Template && !IsVendored(file.RelativePath))
            {
                foreach (Match match in TemplateUrl().Matches(file.Text).Where(m => !IsEscaped(file.Text, m.Index)))
                {
                    var url = match.Groups["url"];
                    sink.Report(Create(At(file, url), null, match.Groups["attribute"].Value + "=" + url.Value, Advice(url.Value)));
                }
            }
        }
    }

    private static readonly string[] VendorFolders =
        ["vendor", "vendors", "third_party", "thirdparty", "third-party", "node_modules", "bower_components", "lib", "libs", "ckeditor", "tinymce", "codemirror", "summernote"];

    private static readonly string[] SampleFolders = ["samples", "examples", "demo", "demos", "docs"];

    /// <summary>
    /// A page that came with a library (static/vendor/…, an editor's samples): the app neither renders nor links it, and
    /// its root-relative URLs are the library's own examples.
    /// </summary>
    private static bool IsVendored(string relativePath)
    {
        var folders = relativePath.ToLowerInvariant().Split('/')[..^1];
        if (folders.Contains("templates"))
        {
            return false; // the app renders what is in its templates, whatever the folder below is called
        }

        return folders.Any(f => VendorFolders.Contains(f)) || (folders.Contains("static") && folders.Any(f => SampleFolders.Contains(f)));
    }

    /// <summary>True when the attribute is in HTML-escaped text (&amp;lt;a href="/x"&amp;gt; shown as sample code), not in a tag.</summary>
    private static bool IsEscaped(string text, int index)
    {
        var tag = text.LastIndexOf('<', index);
        var escaped = text.LastIndexOf("&lt;", index, StringComparison.OrdinalIgnoreCase);
        return escaped > tag;
    }

    private static string Advice(string url) =>
        url.StartsWith("/static/", StringComparison.Ordinal)
            ? $"use {{{{ url_for('static', filename='{url["/static/".Length..]}') }}}}"
            : "build it with url_for(...)";

    [GeneratedRegex(@"\bredirect\(\s*(?<what>['""]/(?:[^/'""][^'""]*)?['""])")]
    private static partial Regex RootRedirect();

    [GeneratedRegex(@"\b(?<attribute>href|src|action)\s*=\s*['""](?<url>/(?:[^/'""{}\s][^'""{}\s]*)?)['""]", RegexOptions.IgnoreCase)]
    private static partial Regex TemplateUrl();
}
