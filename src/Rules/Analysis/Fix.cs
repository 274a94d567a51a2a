using Connect.Lint.Rules.Model;

namespace Connect.Lint.Rules.Analysis;

/// <summary>
/// A replacement of [Start, Start+Length) in a file's text (UTF-16 offsets) by NewText; Range is the same span
/// as lines and columns, for reporters.
/// </summary>
/// <param name="CreatesFile">True when the file does not exist yet and the edit writes it whole.</param>
public sealed record TextEdit(string FilePath, int Start, int Length, string NewText, Location Range, bool CreatesFile = false)
{
    public int End => Start + Length;

    public bool Overlaps(TextEdit other) =>
        FilePath == other.FilePath && Start < other.End && other.Start < End;

    public static TextEdit Replace(SourceText source, int start, int end, string newText) =>
        new(source.FilePath, start, end - start, newText, source.LocationOf(start, end));

    public static TextEdit CreateFile(string filePath, string content) =>
        new(filePath, 0, 0, content, Location.WholeFile(filePath), CreatesFile: true);
}

/// <summary>What a diagnostic's fix does, as edits; fixes of one run that touch the same bytes are applied one at a time.</summary>
public sealed record Fix(string Title, FixAvailability Safety, IReadOnlyList<TextEdit> Edits);
