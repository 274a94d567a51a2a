using System.Text;

namespace Connect.Lint.Fixing;

/// <summary>A unified diff of two texts (line-based LCS, three lines of context), for --diff.</summary>
public static class UnifiedDiff
{
    private const int Context = 3;
    private const long MaxCells = 20_000_000;

    public static string Create(string displayPath, string? before, string after)
    {
        var oldLines = SplitLines(before ?? string.Empty);
        var newLines = SplitLines(after);
        var operations = Diff(oldLines, newLines);
        var builder = new StringBuilder();
        builder.Append("--- ").Append(before is null ? "/dev/null" : "a/" + displayPath).Append('\n');
        builder.Append("+++ b/").Append(displayPath).Append('\n');

        var changeIndexes = operations.Select((op, i) => (op, i)).Where(x => x.op.Kind != ' ').Select(x => x.i).ToList();
        var index = 0;
        while (index < changeIndexes.Count)
        {
            var start = Math.Max(0, changeIndexes[index] - Context);
            var end = changeIndexes[index];
            while (index + 1 < changeIndexes.Count && changeIndexes[index + 1] - end <= 2 * Context)
            {
                end = changeIndexes[++index];
            }

            end = Math.Min(operations.Count - 1, end + Context);
            index++;
            var hunk = operations.GetRange(start, end - start + 1);
            var oldStart = operations.Take(start).Count(o => o.Kind != '+') + 1;
            var newStart = operations.Take(start).Count(o => o.Kind != '-') + 1;
            var oldCount = hunk.Count(o => o.Kind != '+');
            var newCount = hunk.Count(o => o.Kind != '-');
            builder.Append($"@@ -{(oldCount == 0 ? oldStart - 1 : oldStart)},{oldCount} +{(newCount == 0 ? newStart - 1 : newStart)},{newCount} @@\n");
            foreach (var (kind, line) in hunk)
            {
                // A diff line is file content: redacted as a field, before the '+'/'-' is put in front of it.
                builder.Append(kind).Append(Output.Redaction.Redact(line.TrimEnd('\n'))).Append('\n');
                if (!line.EndsWith('\n'))
                {
                    builder.Append("\\ No newline at end of file\n");
                }
            }
        }

        return builder.ToString();
    }

    private static List<string> SplitLines(string text)
    {
        var lines = new List<string>();
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '\n')
            {
                lines.Add(text[start..(i + 1)]);
                start = i + 1;
            }
        }

        if (start < text.Length)
        {
            lines.Add(text[start..]);
        }

        return lines;
    }

    private static List<(char Kind, string Line)> Diff(List<string> a, List<string> b)
    {
        // Trim the common prefix and suffix first: fixes change a few lines of a long manifest.
        var prefix = 0;
        while (prefix < a.Count && prefix < b.Count && a[prefix] == b[prefix])
        {
            prefix++;
        }

        var suffix = 0;
        while (suffix < a.Count - prefix && suffix < b.Count - prefix && a[a.Count - 1 - suffix] == b[b.Count - 1 - suffix])
        {
            suffix++;
        }

        var result = a.Take(prefix).Select(l => (' ', l)).ToList();
        var midA = a.GetRange(prefix, a.Count - prefix - suffix);
        var midB = b.GetRange(prefix, b.Count - prefix - suffix);
        if ((long)midA.Count * midB.Count > MaxCells)
        {
            result.AddRange(midA.Select(l => ('-', l)));
            result.AddRange(midB.Select(l => ('+', l)));
        }
        else
        {
            result.AddRange(Lcs(midA, midB));
        }

        result.AddRange(a.Skip(a.Count - suffix).Select(l => (' ', l)));
        return result;
    }

    private static IEnumerable<(char, string)> Lcs(List<string> a, List<string> b)
    {
        var lengths = new int[a.Count + 1, b.Count + 1];
        for (var i = a.Count - 1; i >= 0; i--)
        {
            for (var j = b.Count - 1; j >= 0; j--)
            {
                lengths[i, j] = a[i] == b[j] ? lengths[i + 1, j + 1] + 1 : Math.Max(lengths[i + 1, j], lengths[i, j + 1]);
            }
        }

        int x = 0, y = 0;
        var output = new List<(char, string)>();
        while (x < a.Count && y < b.Count)
        {
            if (a[x] == b[y])
            {
                output.Add((' ', a[x++]));
                y++;
            }
            else if (lengths[x + 1, y] >= lengths[x, y + 1])
            {
                output.Add(('-', a[x++]));
            }
            else
            {
                output.Add(('+', b[y++]));
            }
        }

        output.AddRange(a.Skip(x).Select(l => ('-', l)));
        output.AddRange(b.Skip(y).Select(l => ('+', l)));
        return output;
    }
}
