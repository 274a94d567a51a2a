using Connect.Lint.Rules;
using Connect.Lint.Rules.Analysis;
using Connect.Lint.Rules.Model;
using Connect.Lint.Settings;

namespace Connect.Lint.Pipeline.Facts;

/// <summary>
/// Which costly facts one run gathers: what the enabled rules need or can use, plus what the command itself reads,
/// less what it leaves out.
/// Nothing else decides it: a fact no enabled rule reads is not gathered (selecting only manifest-checksum-stale runs no Python).
/// </summary>
public sealed class FactPlan
{
    private readonly RuleNeeds _also;
    private readonly RuleNeeds _without;

    private FactPlan(IReadOnlyList<Rule> enabled, RuleNeeds also, RuleNeeds without)
    {
        Enabled = enabled;
        (_also, _without) = (also, without);
        Wanted = Union(rule => rule.Descriptor.Needs);
    }

    public IReadOnlyList<Rule> Enabled { get; }

    /// <summary>The facts wanted before the files are read (from the descriptors alone).</summary>
    public RuleNeeds Wanted { get; }

    /// <param name="also">Facts the command itself reads (inspect: the import).</param>
    /// <param name="without">Facts the command does without whatever the rules want (inspect: the installed distributions).</param>
    public static FactPlan For(DeploymentSettings settings, RuleNeeds also = RuleNeeds.None, RuleNeeds without = RuleNeeds.None) =>
        new(RuleCatalog.All.Where(r => settings.Selection.IsEnabled(r.Descriptor)).ToList(), also, without);

    public bool Wants(RuleNeeds fact) => (Wanted & fact) != 0;

    /// <summary>Whether the command itself asked for a fact (inspect: the import), whatever the rules say of this deployment.</summary>
    public bool CommandWants(RuleNeeds fact) => (_also & fact) != 0;

    /// <summary>Whether a fact is still wanted once the files are known (a present manifest.json needs no interpreter versions).</summary>
    public bool WantsFor(Deployment deployment, RuleNeeds fact) => (Union(rule => rule.NeedsFor(deployment)) & fact) != 0;

    /// <summary>What the command asks for and the enabled rules need (as <paramref name="needs"/> says) or use, less what the command does without.</summary>
    private RuleNeeds Union(Func<Rule, RuleNeeds> needs) =>
        Enabled.Aggregate(_also, (all, rule) => all | needs(rule) | rule.Descriptor.Uses) & ~_without;

    /// <summary>The IDs of the enabled rules that need a fact (for the sentence that says what went unchecked without it).</summary>
    public IReadOnlyList<string> RulesNeeding(RuleNeeds fact) =>
        Enabled.Where(r => (r.Descriptor.Needs & fact) != 0).Select(r => r.Descriptor.Id).ToList();
}
