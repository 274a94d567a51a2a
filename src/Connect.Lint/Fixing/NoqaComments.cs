using Connect.Lint.Rules.Analysis;
using Connect.Lint.Rules.Model;

namespace Connect.Lint.Fixing;

/// <summary>
/// check --add-noqa, as ruff's: a <c># noqa: CODES</c> comment at the end of each line a finding starts on, in the
/// files that can hold one (the deployment's Python modules and requirements files); an existing noqa comment of the
/// line gets the new codes after its own. A line where a comment would change the code is left alone: one continued
/// with a backslash, one that ends inside a triple-quoted string. The edits go through <see cref="FixTransaction"/>:
/// atomic, under the deployment's lock, refused for a file that changed since it was read. An unused noqa (the
/// unused-suppression rule's finding) is never answered with another noqa, as ruff leaves RUF100 out.
/// </summary>
public static class NoqaComments
{
    private static readonly string UnusedSuppression = Rules.RuleCatalog.All.OfType<Rules.Tool.UnusedSuppression>().Single().Descriptor.Id;

    /// <summary>The edits, and the findings they suppress; the others cannot take a comment where they are.</summary>
    public static (IReadOnlyList<TextEdit> Edits, IReadOnlyList<Diagnostic> Suppressed) Plan(Deployment deployment, IReadOnlyList<Diagnostic> diagnostics)
    {
        var python = deployment.TextFiles.Where(t => t.Kind == Rules.Model.Text.TextFileKind.Python).Select(t => t.Source);
        var sources = python.Concat(deployment.Requirements.Select(r => r.Source))
            .GroupBy(s => s.FilePath).ToDictionary(g => g.Key, g => g.First());
        var edits = new List<TextEdit>();
        var suppressed = new List<Diagnostic>();
        foreach (var file in diagnostics.Where(d => d.Location.Line > 0 && d.Id != UnusedSuppression).GroupBy(d => d.Location.FilePath))
        {
            if (!sources.TryGetValue(file.Key, out var source))
            {
                continue;
            }

            var isPython = file.Key.EndsWith(".py", StringComparison.Ordinal);
            var openAtLineEnd = isPython ? LinesEndingInsideAString(source.Text) : [];
            foreach (var line in file.GroupBy(d => d.Location.Line))
            {
                var start = source.OffsetOf(line.Key, 1);
                var end = LineEnd(source.Text, start);
                var text = source.Text[start..end];
                if (text.EndsWith('\\') || openAtLineEnd.Contains(line.Key))
                {
                    continue;
                }

                var codes = line.Select(d => d.Id).Distinct().Order(StringComparer.Ordinal).ToList();
                var existing = deployment.Suppressions.FirstOrDefault(s => s.FilePath == file.Key && s.Line == line.Key && !s.WholeFile);
                edits.Add(existing is null
                    ? TextEdit.Replace(source, end, end, $"{(text.Length == 0 || char.IsWhiteSpace(text[^1]) ? string.Empty : "  ")}# noqa: {string.Join(", ", codes)}")
                    : TextEdit.Replace(source, existing.CommentEnd, existing.CommentEnd, $", {string.Join(", ", codes)}"));
                suppressed.AddRange(line);
            }
        }

        return (edits, suppressed);
    }

    /// <summary>Where the line starting at <paramref name="start"/> ends, before its line break.</summary>
    private static int LineEnd(string text, int start)
    {
        var end = text.IndexOf('\n', start);
        end = end < 0 ? text.Length : end;
        return end > start && text[end - 1] == '\r' ? end - 1 : end;
    }

    /// <summary>The 1-based lines of Python source that end inside a string (a triple-quoted one, mostly).</summary>
    private static HashSet<int> LinesEndingInsideAString(string text)
    {
        var open = new HashSet<int>();
        var line = 1;
        string? quote = null; // the open string's delimiter: ", ', """ or '''
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '\n')
            {
                if (quote is { Length: 3 })
                {
                    open.Add(line);
                }
                else
                {
                    quote = null; // a one-line string ends with its line, closed or not
                }

                line++;
            }
            else if (quote is null && c == '#')
            {
                while (i + 1 < text.Length && text[i + 1] != '\n')
                {
                    i++;
                }
            }
            else if (quote is null && c is '"' or '\'')
            {
                quote = i + 2 < text.Length && text[i + 1] == c && text[i + 2] == c ? new string(c, 3) : c.ToString();
                i += quote.Length - 1;
            }
            else if (quote is not null && c == '\\' && i + 1 < text.Length && text[i + 1] != '\n')
            {
                i++;
            }
            else if (quote is not null && string.CompareOrdinal(text, i, quote, 0, quote.Length) == 0)
            {
                i += quote.Length - 1;
                quote = null;
            }
        }

        return open;
    }
}
