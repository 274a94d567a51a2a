using Connect.Lint.Rules;
using Connect.Lint.Rules.Analysis;
using Connect.Lint.Rules.Model;
using Connect.Lint.Settings;
using Microsoft.Extensions.FileSystemGlobbing;

namespace Connect.Lint.Pipeline;

/// <summary>
/// The analyse stage: runs the enabled rules over a deployment, applies noqa suppressions, then the rules that
/// audit suppressions, then the configuration's severities and per-file-ignores; returns a stable order.
/// </summary>
public static class LintEngine
{
    public static IReadOnlyList<Diagnostic> Analyze(Deployment deployment, DeploymentSettings settings)
    {
        var selection = settings.Selection;
        var enabled = RuleCatalog.All.Where(r => selection.IsEnabled(r.Descriptor)).ToList();
        var sink = new DiagnosticSink();
        foreach (var rule in enabled)
        {
            rule.Analyze(deployment, sink);
        }

        var (kept, usage) = ApplySuppressions(deployment, sink.Diagnostics, enabled);
        var audits = new DiagnosticSink();
        foreach (var auditor in enabled.OfType<ISuppressionAuditor>())
        {
            auditor.AnalyzeSuppressions(deployment, usage, audits);
        }

        kept.AddRange(audits.Diagnostics);
        var severities = settings.Severity.Value;
        var result = severities.Count == 0
            ? kept
            : kept.Select(d => severities.TryGetValue(d.Id, out var severity) ? d with { Severity = severity } : d).ToList();
        return Order(WithoutPerFileIgnores(result, settings));
    }

    public static IReadOnlyList<Diagnostic> Order(IEnumerable<Diagnostic> diagnostics) =>
        diagnostics
            .OrderBy(d => d.Location.FilePath, StringComparer.Ordinal)
            .ThenBy(d => d.Location.Line)
            .ThenBy(d => d.Location.Column)
            .ThenBy(d => d.Id, StringComparer.Ordinal)
            .ThenBy(d => d.Message, StringComparer.Ordinal)
            .ToList();

    private static (List<Diagnostic> Kept, SuppressionUsage Usage) ApplySuppressions(Deployment deployment, IReadOnlyList<Diagnostic> diagnostics, IReadOnlyList<Rule> enabled)
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

        // A rule judges its code only when it ran with every fact it needs (an ignored rule's noqa, a Python rule's
        // when Python could not run, a Git rule's outside a repository, is not unused).
        bool IsJudgeable(string code) =>
            enabled.FirstOrDefault(r => string.Equals(r.Descriptor.Id, code, StringComparison.OrdinalIgnoreCase)) is { } rule &&
            deployment.Facts.Has(rule.NeedsFor(deployment));
        var usage = new SuppressionUsage(used.ToDictionary(p => p.Key, p => (IReadOnlySet<string>)p.Value), IsJudgeable);
        return (kept, usage);
    }

    /// <summary>per-file-ignores: codes (or prefixes, or ALL) ignored in files matching a glob relative to the configuration.</summary>
    private static IEnumerable<Diagnostic> WithoutPerFileIgnores(IEnumerable<Diagnostic> diagnostics, DeploymentSettings settings)
    {
        if (settings.PerFileIgnores.Value.Count == 0)
        {
            return diagnostics;
        }

        var matchers = settings.PerFileIgnores.Value.Select(p =>
        {
            var matcher = new Matcher(StringComparison.Ordinal);
            matcher.AddInclude(p.Glob);
            return (Matcher: matcher, p.Codes);
        }).ToList();
        return diagnostics.Where(d =>
        {
            var relative = Path.GetRelativePath(settings.ConfigDirectory, d.Location.FilePath).Replace('\\', '/');
            return !matchers.Any(m => m.Codes.Any(code => code == "ALL" || d.Id.StartsWith(code, StringComparison.Ordinal)) && m.Matcher.Match(relative).HasMatches);
        });
    }
}
