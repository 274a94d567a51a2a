using Connect.Lint.Reporting;
using Connect.Lint.Rules.Analysis;

namespace Connect.Lint.Output;

/// <summary>
/// The one step between analysis and every report format: each message, notice and fix title is redacted and
/// made a single line (a message cannot forge or hide another diagnostic), and a fix whose new text would
/// carry a secret is reported without its edits (its title stays; --fix still applies it on the machine). A large
/// fix shared by several diagnostics carries its edits once, on the first: thousands of unlisted files settled by
/// one regenerated files list must not repeat that list thousands of times in a report (it ran out of memory).
/// </summary>
public static class ReportSanitizer
{
    public static CheckResult ForReport(CheckResult result)
    {
        // Many diagnostics share one fix (regenerating the files list): each distinct new text is searched once.
        var secretFree = new Dictionary<string, bool>(ReferenceEqualityComparer.Instance);
        var shown = new HashSet<object>(ReferenceEqualityComparer.Instance);
        return result with
        {
            Diagnostics = result.Diagnostics.Select(d => ForReport(d, secretFree))
                .Select(d => d.Fix is { Edits.Count: > 0 } fix && fix.Edits.Sum(e => e.NewText.Length) > LargeFixChars && !shown.Add(fix.Edits)
                    ? d with { Fix = fix with { Edits = [] } }
                    : d)
                .ToList(),
            Fixed = result.Fixed.Select(d => ForReport(d, secretFree) with { Fix = d.Fix is { } fix ? fix with { Title = OneLine(fix.Title), Edits = [] } : null }).ToList(),
            Deployments = result.Deployments.Select(d => d with { Notices = d.Notices.Select(OneLine).ToList() }).ToList(),
        };
    }

    /// <summary>Shared fixes with more new text than this are reported once (small ones stay with every diagnostic).</summary>
    public const int LargeFixChars = 4096;

    /// <summary>A message longer than this echoes input (a 1 MB requirement line): it is cut, and says so.</summary>
    public const int MaxMessageChars = 1000;

    /// <summary>Free text for a one-line output: redacted, every line break and control character escaped, bounded.</summary>
    public static string OneLine(string text)
    {
        var line = OutputSafety.Escape(Redaction.Redact(text));
        return line.Length <= MaxMessageChars ? line : $"{line[..MaxMessageChars]}… ({line.Length - MaxMessageChars} more characters)";
    }

    /// <summary>One diagnostic as every report shows it.</summary>
    public static Diagnostic ForReport(Diagnostic diagnostic) => ForReport(diagnostic, new Dictionary<string, bool>(ReferenceEqualityComparer.Instance));

    private static Diagnostic ForReport(Diagnostic diagnostic, Dictionary<string, bool> secretFree) => diagnostic with
    {
        Message = OneLine(diagnostic.Message),
        Fix = diagnostic.Fix is { } fix
            ? fix with
            {
                Title = OneLine(fix.Title),
                Edits = fix.Edits.All(e => IsSecretFree(e.NewText, secretFree)) ? fix.Edits : [],
            }
            : null,
    };

    private static bool IsSecretFree(string text, Dictionary<string, bool> known)
    {
        if (!known.TryGetValue(text, out var free))
        {
            known[text] = free = !Redaction.HasSecret(text);
        }

        return free;
    }
}
