namespace Connect.Lint.Rules.Analysis;

/// <summary>
/// A place in a file: absolute path, 1-based line and column, and an exclusive end (columns count UTF-16 code
/// units, as SARIF's default columnKind). A location with Line 0 points at the file as a whole.
/// </summary>
public sealed record Location(string FilePath, int Line, int Column, int EndLine, int EndColumn)
{
    public static Location WholeFile(string filePath) => new(filePath, 0, 0, 0, 0);

    /// <summary>A whole line, when only the line is known (Column 0).</summary>
    public static Location LineOnly(string filePath, int line) => new(filePath, line, 0, line, 0);

    public bool HasColumns => Column > 0;

    public bool HasRegion => Line > 0;
}
