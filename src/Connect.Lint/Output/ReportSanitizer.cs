using Connect.Lint.Reporting;
using Connect.Lint.Rules.Analysis;

namespace Connect.Lint.Output;

/// <summary>
/// The one step between analysis and every report format: each message, notice and fix title is redacted and
/// made a single line (a message cannot forge or hide another diagnostic), and a fix whose new text would
/// carry a secret is reported without its edits (its title stays; --fix still applies it on the machine).
/// </summary>
public static class ReportSanitizer
{
    public static CheckResult ForReport(CheckResult result) => result with
    {
        Diagnostics = result.Diagnostics.Select(ForReport).ToList(),
        Deployments = result.Deployments.Select(d => d with { Notices = d.Notices.Select(OneLine).ToList() }).ToList(),
    };

    /// <summary>A message longer than this echoes input (a 1 MB requirement line): it is cut, and says so.</summary>
    public const int MaxMessageChars = 1000;

    /// <summary>Free text for a one-line output: redacted, every line break and control character escaped, bounded.</summary>
    public static string OneLine(string text)
    {
        var line = OutputSafety.Escape(Redaction.Redact(text));
        return line.Length <= MaxMessageChars ? line : $"{line[..MaxMessageChars]}… ({line.Length - MaxMessageChars} more characters)";
    }

    /// <summary>One diagnostic as every report shows it.</summary>
    public static Diagnostic ForReport(Diagnostic diagnostic) => diagnostic with
    {
        Message = OneLine(diagnostic.Message),
        Fix = diagnostic.Fix is { } fix
            ? fix with
            {
                Title = OneLine(fix.Title),
                Edits = fix.Edits.Any(e => Redaction.HasSecret(e.NewText)) ? [] : fix.Edits,
            }
            : null,
    };
}
