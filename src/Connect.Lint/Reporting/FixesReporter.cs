using System.Text;

namespace Connect.Lint.Reporting;

/// <summary>--show-fixes: after --fix, what it settled per file and rule; without --fix, what --fix would settle.</summary>
public static class FixesReporter
{
    public static string Render(CheckResult result, bool applied)
    {
        var builder = new StringBuilder();
        var listed = applied
            ? result.Fixed
            : result.Diagnostics.Where(d => d.Fix is { Safety: Rules.Analysis.FixAvailability.Safe }).ToList();
        if (listed.Count == 0)
        {
            return applied ? "No problems fixed.\n" : "No fixes available (with --fix).\n";
        }

        builder.Append(applied ? $"Fixed {listed.Count} {(listed.Count == 1 ? "problem" : "problems")}:\n" : $"Would fix {listed.Count} {(listed.Count == 1 ? "problem" : "problems")} (with --fix):\n");
        foreach (var file in listed.GroupBy(d => DisplayPath.ForLine(d.Location.FilePath)))
        {
            builder.Append("- ").Append(file.Key).Append(":\n");
            foreach (var rule in file.GroupBy(d => d.Id))
            {
                var first = rule.First();
                builder.Append($"    {rule.Count()} × {rule.Key} ({first.Descriptor.Name}): {first.Fix?.Title}\n");
            }
        }

        return builder.ToString();
    }
}
