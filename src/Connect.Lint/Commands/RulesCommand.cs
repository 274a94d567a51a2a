using System.Text;
using Connect.Lint.Rules;
using Connect.Lint.Rules.Analysis;

namespace Connect.Lint.Commands;

/// <summary><c>connect-lint rules</c>: a table of every rule; <c>explain</c>: one rule's page.</summary>
public static class RulesCommand
{
    public static string RenderTable()
    {
        var rows = RuleCatalog.All.Select(r => r.Descriptor).Select(d => new[]
        {
            d.Id,
            d.Name,
            d.DefaultSeverity.ToName(),
            d.NeedsPython ? "yes" : "",
            d.Fix == FixAvailability.None ? "" : Docs.RulePage.FixName(d.Fix),
            d.Title,
        }).ToList();
        string[] header = ["ID", "NAME", "SEVERITY", "PYTHON", "FIX", "WHAT IT FINDS"];
        var widths = header.Select((h, i) => rows.Select(r => r[i].Length).Append(h.Length).Max()).ToArray();
        var builder = new StringBuilder();
        foreach (var row in rows.Prepend(header))
        {
            builder.Append(string.Join("  ", row.Select((cell, i) => i == row.Length - 1 ? cell : cell.PadRight(widths[i]))).TrimEnd()).Append('\n');
        }

        return builder.ToString();
    }

    public static string Explain(string id) =>
        RuleCatalog.Find(id) is { } rule
            ? Docs.RuleDocs.ForReaders(rule.Descriptor.Id) ?? throw new InvalidOperationException($"{rule.Descriptor.Id} has no page")
            : throw new UsageException($"no rule {id} (see 'connect-lint rules')");
}
