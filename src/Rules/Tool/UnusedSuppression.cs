using Connect.Lint.Rules.Analysis;
using Connect.Lint.Rules.Model;

namespace Connect.Lint.Rules.Tool;

/// <summary>
/// CL9003: a noqa comment naming a CL code that suppressed nothing. It is reported by the engine, after the
/// other rules ran (only then is it known what a comment suppressed); this class holds its descriptor and fix.
/// </summary>
public sealed class UnusedSuppression : Rule
{
    public override DiagnosticDescriptor Descriptor { get; } = Descriptors.Create(
        "CL9003", "unused-suppression",
        "A noqa comment that suppresses nothing",
        "'# noqa' for {0} suppresses nothing here",
        RuleCategory.Tool, Severity.Note, FixAvailability.Safe);

    public override void Analyze(Deployment deployment, DiagnosticSink sink)
    {
    }

    /// <summary>The diagnostic for the unused codes of a comment; the fix drops them (the whole comment when none is used).</summary>
    public Diagnostic For(Suppression suppression, IReadOnlyList<string> unused, IReadOnlyList<string> used)
    {
        var replacement = used.Count == 0 ? string.Empty : (suppression.WholeFile ? "# connect-lint: noqa: " : "# noqa: ") + string.Join(", ", used);
        var start = used.Count == 0 ? suppression.RemovalStart : suppression.CommentStart;
        var range = suppression.Comment;
        var edit = new TextEdit(suppression.FilePath, start, suppression.CommentEnd - start, replacement, range);
        var fix = new Fix($"Remove the unused noqa for {string.Join(", ", unused)}", FixAvailability.Safe, [edit]);
        return Create(range, fix, string.Join(", ", unused));
    }
}
