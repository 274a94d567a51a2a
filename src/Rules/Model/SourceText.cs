using Connect.Lint.Rules.Analysis;

namespace Connect.Lint.Rules.Model;

/// <summary>A file's decoded text with a line index, so offsets turn into 1-based line and column.</summary>
public sealed class SourceText
{
    private int[]? _lineStarts;

    public SourceText(string filePath, string text)
    {
        FilePath = filePath;
        Text = text;
    }

    /// <summary>Where each line starts; built on first use (most texts are searched and never asked for a position).</summary>
    private int[] LineStarts => _lineStarts ??= IndexLines(Text);

    private static int[] IndexLines(string text)
    {
        var starts = new List<int> { 0 };
        for (var i = text.IndexOf('\n'); i >= 0; i = text.IndexOf('\n', i + 1))
        {
            starts.Add(i + 1);
        }

        return [.. starts];
    }

    public string FilePath { get; }

    public string Text { get; }

    public (int Line, int Column) PositionOf(int offset)
    {
        offset = Math.Clamp(offset, 0, Text.Length);
        var index = Array.BinarySearch(LineStarts, offset);
        var line = index >= 0 ? index : ~index - 1;
        return (line + 1, offset - LineStarts[line] + 1);
    }

    /// <summary>The offset of a 1-based line and column.</summary>
    public int OffsetOf(int line, int column) => Math.Min(Text.Length, LineStarts[Math.Clamp(line, 1, LineStarts.Length) - 1] + column - 1);

    public int OffsetOfLineStart(int offset)
    {
        var (line, _) = PositionOf(offset);
        return LineStarts[line - 1];
    }

    public Location LocationOf(int start, int end)
    {
        var (line, column) = PositionOf(start);
        var (endLine, endColumn) = PositionOf(Math.Max(start, end));
        return new Location(FilePath, line, column, endLine, endColumn);
    }
}
