using Connect.Lint.Rules.Analysis;
using Connect.Lint.Rules.Model;

namespace Connect.Lint.Rules.Tool;

/// <summary>CL9003: a noqa comment naming a CL code that suppressed nothing. It runs after the other rules (<see cref="ISuppressionAuditor"/>).</summary>
public sealed class UnusedSuppression : Rule, ISuppressionAuditor
{
    public override DiagnosticDescriptor Descriptor { get; } = Descriptors.Create(
        "CL9003", "unused-suppression",
        "A noqa comment that suppresses nothing",
        "'# noqa' for {0} suppresses nothing here",
        RuleCategory.Tool, Severity.Note, FixAvailability.Safe);

    public override void Analyze(Deployment deployment, DiagnosticSink sink)
    {
    }

    public void AnalyzeSuppressions(Deployment deployment, SuppressionUsage usage, DiagnosticSink sink)
    {
        foreach (var (suppression, usedCodes) in usage.Used)
        {
            // A bare "# noqa" may serve another linter; only codes of ours can be judged unused, and only codes of
            // rules that ran (an ignored rule's noqa is not unused).
            var unused = (suppression.Codes ?? []).Where(code => !usedCodes.Contains(code) && usage.IsJudgeable(code)).ToList();
            if (unused.Count > 0)
            {
                var stillUsed = suppression.Codes!.Where(c => !unused.Contains(c)).ToList();
                sink.Report(For(suppression, unused, stillUsed));
            }
        }
    }

    /// <summary>The diagnostic for the unused codes of a comment; the fix drops them (the whole comment when none is used).</summary>
    private Diagnostic For(Suppression suppression, IReadOnlyList<string> unused, IReadOnlyList<string> used)
    {
        var replacement = used.Count == 0 ? string.Empty : (suppression.WholeFile ? "# connect-lint: noqa: " : "# noqa: ") + string.Join(", ", used);
        var start = used.Count == 0 ? suppression.RemovalStart : suppression.CommentStart;
        var range = suppression.Comment;
        var edit = new TextEdit(suppression.FilePath, start, suppression.CommentEnd - start, replacement, range);
        var fix = new Fix($"Remove the unused noqa for {string.Join(", ", unused)}", FixAvailability.Safe, [edit]);
        return Create(range, fix, string.Join(", ", unused));
    }
}
