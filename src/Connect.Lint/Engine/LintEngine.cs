using Connect.Lint.Rules;
using Connect.Lint.Rules.Analysis;
using Connect.Lint.Rules.Model;
using Connect.Lint.Rules.Tool;

namespace Connect.Lint.Engine;

/// <summary>
/// Runs the selected rules over a deployment, applies severity overrides and noqa suppressions, reports
/// unused suppressions (CL9003), and returns the diagnostics in a stable order.
/// </summary>
public static class LintEngine
{
    public static IReadOnlyList<Diagnostic> Analyze(Deployment deployment, RuleSelection selection, IReadOnlyDictionary<string, Severity>? severities = null)
    {
        var sink = new DiagnosticSink();
        foreach (var rule in RuleCatalog.All)
        {
            if (selection.IsEnabled(rule.Descriptor))
            {
                rule.Analyze(deployment, sink);
            }
        }

        var kept = ApplySuppressions(deployment, sink.Diagnostics, selection);
        if (severities is { Count: > 0 })
        {
            kept = kept.Select(d => severities.TryGetValue(d.Id, out var severity) ? d with { Severity = severity } : d).ToList();
        }

        return Order(kept);
    }

    public static IReadOnlyList<Diagnostic> Order(IEnumerable<Diagnostic> diagnostics) =>
        diagnostics
            .OrderBy(d => d.Location.FilePath, StringComparer.Ordinal)
            .ThenBy(d => d.Location.Line)
            .ThenBy(d => d.Location.Column)
            .ThenBy(d => d.Id, StringComparer.Ordinal)
            .ThenBy(d => d.Message, StringComparer.Ordinal)
            .ToList();

    private static List<Diagnostic> ApplySuppressions(Deployment deployment, IReadOnlyList<Diagnostic> diagnostics, RuleSelection selection)
    {
        var used = deployment.Suppressions.ToDictionary(s => s, _ => new HashSet<string>(StringComparer.Ordinal));
        var kept = new List<Diagnostic>();
        foreach (var diagnostic in diagnostics)
        {
            var suppressedBy = deployment.Suppressions.Where(s => s.Covers(diagnostic)).ToList();
            foreach (var suppression in suppressedBy)
            {
                used[suppression].Add(diagnostic.Id);
            }

            if (suppressedBy.Count == 0)
            {
                kept.Add(diagnostic);
            }
        }

        var unusedRule = (UnusedSuppression)RuleCatalog.Find("CL9003")!;
        if (!selection.IsEnabled(unusedRule.Descriptor))
        {
            return kept;
        }

        foreach (var (suppression, usedCodes) in used)
        {
            // A bare "# noqa" may serve another linter; only codes of ours can be judged unused, and only
            // codes of rules that ran (an ignored rule's noqa is not unused).
            var unused = (suppression.Codes ?? []).Where(code => !usedCodes.Contains(code) && IsJudgeable(code, selection, deployment)).ToList();
            if (unused.Count > 0)
            {
                var stillUsed = suppression.Codes!.Where(c => !unused.Contains(c)).ToList();
                kept.Add(unusedRule.For(suppression, unused, stillUsed));
            }
        }

        return kept;
    }

    private static bool IsJudgeable(string code, RuleSelection selection, Deployment deployment) =>
        RuleCatalog.Find(code) is { } rule && selection.IsEnabled(rule.Descriptor) && !(rule.Descriptor.NeedsPython && deployment.Python is null);
}
