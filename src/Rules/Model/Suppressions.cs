using System.Text.RegularExpressions;
using Connect.Lint.Rules.Analysis;

namespace Connect.Lint.Rules.Model;

/// <summary>
/// A <c># noqa</c> comment: on a line (Codes null = every rule), or <c># connect-lint: noqa: CLxxxx</c> for a whole
/// file. Only CL codes count; <c># noqa: E501</c> belongs to another tool and suppresses nothing here.
/// </summary>
public sealed record Suppression(string FilePath, int Line, IReadOnlyList<string>? Codes, bool WholeFile, int CommentStart, int CommentEnd, Location Comment)
{
    /// <summary>Where removing the whole comment starts: the blanks before it on its line go too.</summary>
    public int RemovalStart { get; init; } = CommentStart;

    public bool Covers(Diagnostic diagnostic) =>
        diagnostic.Location.FilePath == FilePath &&
        (WholeFile || diagnostic.Location.Line == Line) &&
        (Codes is null || Codes.Contains(diagnostic.Id, StringComparer.OrdinalIgnoreCase));
}

/// <summary>Finds noqa comments in Python and requirements files.</summary>
public static partial class SuppressionScanner
{
    public static IEnumerable<Suppression> Scan(string filePath, string text)
    {
        if (!text.Contains("noqa", StringComparison.OrdinalIgnoreCase))
        {
            yield break;
        }

        var source = new SourceText(filePath, text);
        foreach (Match match in Comment().Matches(text))
        {
            var codes = match.Groups["codes"].Success
                ? match.Groups["codes"].Value.Split([',', ' ', '\t'], StringSplitOptions.RemoveEmptyEntries).Select(c => c.ToUpperInvariant()).ToList()
                : null;
            var ours = codes?.Where(c => c.StartsWith("CL", StringComparison.Ordinal)).ToList();
            if (ours is { Count: 0 })
            {
                continue;
            }

            var wholeFile = match.Groups["file"].Success;
            if (wholeFile && ours is null)
            {
                continue;
            }

            var (line, _) = source.PositionOf(match.Index);
            var removalStart = match.Index;
            while (removalStart > 0 && text[removalStart - 1] is ' ' or '\t')
            {
                removalStart--;
            }

            yield return new Suppression(filePath, line, ours, wholeFile, match.Index, match.Index + match.Length,
                source.LocationOf(match.Index, match.Index + match.Length))
            {
                RemovalStart = removalStart > 0 && text[removalStart - 1] != '\n' ? removalStart : match.Index,
            };
        }
    }

    [GeneratedRegex(@"#\s*(?<file>connect-lint:\s*)?noqa(?::\s*(?<codes>[A-Za-z]+[0-9]+(?:\s*,[\s,]*[A-Za-z]+[0-9]+|\s+[A-Za-z]+[0-9]+)*))?", RegexOptions.IgnoreCase)]
    private static partial Regex Comment();
}
