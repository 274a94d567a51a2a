using System.Text;
using System.Text.Json;

namespace Connect.Lint.Reporting;

/// <summary>--statistics: how many problems each rule found, most first, "[*]" where --fix settles them (ruff's form).</summary>
public static class StatisticsReporter
{
    private sealed record RuleCount(string Code, string Name, int Count, bool Fixable);

    public static string Render(CheckResult result, bool asJson)
    {
        var counts = result.Diagnostics.GroupBy(d => d.Id)
            .Select(g => new RuleCount(g.Key, g.First().Descriptor.Name, g.Count(), g.Any(d => d.Fix is { Safety: Rules.Analysis.FixAvailability.Safe })))
            .OrderByDescending(c => c.Count).ThenBy(c => c.Code, StringComparer.Ordinal)
            .ToList();
        return asJson ? Json(counts) : Text(counts);
    }

    private static string Text(List<RuleCount> counts)
    {
        var builder = new StringBuilder();
        var width = counts.Count == 0 ? 1 : counts.Max(c => c.Count).ToString(System.Globalization.CultureInfo.InvariantCulture).Length;
        foreach (var count in counts)
        {
            builder.Append(count.Count.ToString(System.Globalization.CultureInfo.InvariantCulture).PadLeft(width))
                .Append('\t').Append(count.Code)
                .Append('\t').Append(count.Fixable ? "[*] " : "[ ] ").Append(count.Name).Append('\n');
        }

        var total = counts.Sum(c => c.Count);
        builder.Append(total == 0 ? "All checks passed.\n" : $"Found {total} {(total == 1 ? "problem" : "problems")}.\n");
        return builder.ToString();
    }

    private static string Json(List<RuleCount> counts)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            writer.WriteStartArray();
            foreach (var count in counts)
            {
                writer.WriteStartObject();
                writer.WriteString("code", count.Code);
                writer.WriteString("name", count.Name);
                writer.WriteNumber("count", count.Count);
                writer.WriteBoolean("fixable", count.Fixable);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
        }

        return Encoding.UTF8.GetString(stream.ToArray()) + "\n";
    }
}
