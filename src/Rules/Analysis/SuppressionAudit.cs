using Connect.Lint.Rules.Model;

namespace Connect.Lint.Rules.Analysis;

/// <summary>What the noqa comments of a deployment did in one run: the codes each one suppressed.</summary>
/// <param name="Used">For every suppression, the IDs of the diagnostics it suppressed.</param>
/// <param name="IsJudgeable">True for a code whose rule ran here (enabled, with what it needs), so silence from it means something.</param>
public sealed record SuppressionUsage(IReadOnlyDictionary<Suppression, IReadOnlySet<string>> Used, Func<string, bool> IsJudgeable);

/// <summary>
/// A rule that runs after all the others, on what the suppressions did (in the spirit of roslyn's compilation-end
/// actions): only then is it known whether a noqa comment suppressed anything.
/// </summary>
public interface ISuppressionAuditor
{
    void AnalyzeSuppressions(Deployment deployment, SuppressionUsage usage, DiagnosticSink sink);
}
