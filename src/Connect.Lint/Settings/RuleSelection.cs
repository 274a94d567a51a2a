using Connect.Lint.Rules.Analysis;

namespace Connect.Lint.Settings;

/// <summary>
/// --select/--ignore/--extend-select as ruff reads them: codes or code prefixes ("CL10" is every CL10xx rule, "ALL"
/// every rule); a rule runs when the longest matching selector selects it. --extend-select adds to what select
/// enables (without it, the rules enabled by default).
/// </summary>
public sealed class RuleSelection
{
    private readonly IReadOnlyList<string> _select;
    private readonly IReadOnlyList<string> _ignore;
    private readonly IReadOnlyList<string> _extend;

    public RuleSelection(IEnumerable<string>? select, IEnumerable<string>? ignore, IEnumerable<string>? extendSelect = null)
    {
        _select = Normalize(select);
        _ignore = Normalize(ignore);
        _extend = Normalize(extendSelect);
    }

    public static RuleSelection Default { get; } = new(null, null);

    public bool IsEnabled(DiagnosticDescriptor descriptor)
    {
        var selectedBy = Math.Max(LongestMatch(_select, descriptor.Id), LongestMatch(_extend, descriptor.Id));
        var ignoredBy = LongestMatch(_ignore, descriptor.Id);
        var selected = (_select.Count == 0 && descriptor.EnabledByDefault) || selectedBy >= 0;

        // The more specific selector wins; on a tie the ignore does (as in ruff).
        return selected && !(ignoredBy >= 0 && ignoredBy >= Math.Max(selectedBy, 0));
    }

    /// <summary>Selectors that match no rule at all: a typo the user should hear about.</summary>
    public IEnumerable<string> UnknownSelectors(IEnumerable<string> ids) =>
        _select.Concat(_ignore).Concat(_extend).Where(s => s != "ALL" && !ids.Any(id => id.StartsWith(s, StringComparison.Ordinal)));

    private static int LongestMatch(IReadOnlyList<string> selectors, string id) =>
        selectors.Where(s => s == "ALL" || id.StartsWith(s, StringComparison.Ordinal))
            .Select(s => s == "ALL" ? 0 : s.Length)
            .DefaultIfEmpty(-1)
            .Max();

    private static List<string> Normalize(IEnumerable<string>? selectors) =>
        (selectors ?? [])
        .SelectMany(s => s.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        .Select(s => s.ToUpperInvariant())
        .ToList();
}
