using Connect.Lint.Rules.Analysis;

namespace Connect.Lint.Rules;

/// <summary>
/// Every rule the linter runs, in ID order. The list is written at compile time by the source generator in
/// src/Rules.Generators from every concrete <see cref="Rule"/> class: a new rule is its file, nothing else.
/// </summary>
public static partial class RuleCatalog
{
    public static IReadOnlyList<Rule> All { get; } =
        Discovered().OrderBy(rule => rule.Descriptor.Id, StringComparer.Ordinal).ToArray();

    public static Rule? Find(string id) => All.FirstOrDefault(r => string.Equals(r.Descriptor.Id, id, StringComparison.OrdinalIgnoreCase));
}
