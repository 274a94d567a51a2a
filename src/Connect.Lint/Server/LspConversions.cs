using Connect.Lint.Rules.Analysis;

namespace Connect.Lint.Server;

/// <summary>Between the tool's model (paths, 1-based lines and UTF-16 columns, end exclusive) and LSP's (URIs, 0-based positions).</summary>
public static class LspConversions
{
    public static string UriOf(string path) => new Uri(StartDirectory.FullPathOf(path)).AbsoluteUri;

    public static string? PathOf(string uri) =>
        Uri.TryCreate(uri, UriKind.Absolute, out var parsed) && parsed.IsFile ? parsed.LocalPath : null;

    /// <summary>A whole-file location is the file's first position; a line without columns is the whole line.</summary>
    public static Range RangeOf(Location location)
    {
        if (!location.HasRegion)
        {
            return new Range(new Position(0, 0), new Position(0, 0));
        }

        var startLine = location.Line - 1;
        if (!location.HasColumns)
        {
            return new Range(new Position(startLine, 0), new Position(startLine + 1, 0));
        }

        var endLine = Math.Max(location.EndLine, location.Line) - 1;
        var endCharacter = Math.Max(location.EndColumn - 1, endLine == startLine ? location.Column : 0);
        return new Range(new Position(startLine, location.Column - 1), new Position(endLine, endCharacter));
    }

    public static LspDiagnostic DiagnosticOf(Diagnostic diagnostic) => new(
        RangeOf(diagnostic.Location),
        diagnostic.Severity switch { Severity.Error => 1, Severity.Warning => 2, _ => 3 },
        diagnostic.Id,
        new CodeDescription(diagnostic.Descriptor.HelpUri),
        "connect-lint",
        diagnostic.Message);

    /// <summary>Edits as documentChanges: a file the fix creates first, then each file's edits.</summary>
    public static WorkspaceEdit EditOf(IEnumerable<TextEdit> edits)
    {
        var changes = new List<DocumentChange>();
        foreach (var file in edits.GroupBy(e => e.FilePath))
        {
            var uri = UriOf(file.Key);
            if (file.Any(e => e.CreatesFile))
            {
                changes.Add(new DocumentChange("create", uri, null, null));
            }

            var textEdits = file.OrderByDescending(e => e.Start)
                .Select(e => new LspTextEdit(e.CreatesFile ? new Range(new Position(0, 0), new Position(0, 0)) : RangeOf(e.Range), e.NewText))
                .ToList();
            changes.Add(new DocumentChange(null, null, new OptionalVersionedTextDocumentIdentifier(uri, null), textEdits));
        }

        return new WorkspaceEdit(changes);
    }

    public static bool Overlaps(Range a, Range b) =>
        Compare(a.Start, b.End) <= 0 && Compare(b.Start, a.End) <= 0;

    private static int Compare(Position x, Position y) => x.Line != y.Line ? x.Line.CompareTo(y.Line) : x.Character.CompareTo(y.Character);
}
