using System.Text;
using Connect.Lint.Rules.Analysis;

namespace Connect.Lint.Reporting;

/// <summary>
/// One line per diagnostic, <c>path:line:col: severity CLxxxx message</c> (IDE problem matchers parse it),
/// then a summary with counts and how many are fixable.
/// </summary>
public static class TextReporter
{
    public static string Render(CheckResult result)
    {
        var builder = new StringBuilder();
        foreach (var diagnostic in result.Diagnostics)
        {
            builder.Append(FormatLine(diagnostic)).Append('\n');
        }

        if (result.Diagnostics.Count > 0)
        {
            builder.Append('\n');
        }

        var deployments = (result.Deployments.Count == 1 ? "1 deployment" : $"{result.Deployments.Count} deployments") +
                          (result.Commit is { } commit ? $" of {commit.Describe()}" : string.Empty);
        if (result.FixedCount > 0)
        {
            builder.Append($"Fixed {result.FixedCount} {Plural(result.FixedCount, "problem")}.\n");
        }

        if (result.Diagnostics.Count == 0)
        {
            builder.Append($"All checks passed ({deployments}).\n");
            return builder.ToString();
        }

        var parts = new List<string>();
        foreach (var (severity, word) in new[] { (Severity.Error, "error"), (Severity.Warning, "warning"), (Severity.Note, "note") })
        {
            var count = result.Count(severity);
            if (count > 0)
            {
                parts.Add($"{count} {Plural(count, word)}");
            }
        }

        builder.Append($"Found {result.Diagnostics.Count} {Plural(result.Diagnostics.Count, "problem")} ({string.Join(", ", parts)}) in {deployments}.\n");
        var safe = result.FixableCount(includeUnsafe: false);
        var all = result.FixableCount(includeUnsafe: true);
        if (safe > 0)
        {
            builder.Append($"[*] {safe} fixable with --fix.\n");
        }

        if (all > safe)
        {
            builder.Append($"{all - safe} more fixable with --fix --unsafe-fixes.\n");
        }

        return builder.ToString();
    }

    public static string FormatLine(Diagnostic diagnostic)
    {
        var location = diagnostic.Location;
        var line = Math.Max(location.Line, 1);
        var column = Math.Max(location.Column, 1);
        return $"{DisplayPath.ForLine(location.FilePath)}:{line}:{column}: {diagnostic.Severity.ToName()} {diagnostic.Id} {diagnostic.Message}";
    }

    private static string Plural(int count, string word) => count == 1 ? word : word + "s";
}
