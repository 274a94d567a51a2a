using System.Text;

namespace Connect.Lint.Reporting;

/// <summary>The diagnostic lines of the text format and one closing count, without fix hints (ruff's "concise").</summary>
public static class ConciseReporter
{
    public static string Render(CheckResult result)
    {
        var builder = new StringBuilder();
        foreach (var diagnostic in result.Diagnostics)
        {
            builder.Append(TextReporter.FormatLine(diagnostic)).Append('\n');
        }

        var count = result.Diagnostics.Count;
        builder.Append(count == 0 ? "All checks passed.\n" : $"Found {count} {(count == 1 ? "problem" : "problems")}.\n");
        return builder.ToString();
    }
}
