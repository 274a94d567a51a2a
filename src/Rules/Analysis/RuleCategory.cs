namespace Connect.Lint.Rules.Analysis;

/// <summary>Rule categories; each owns one block of IDs (CL1xxx, CL2xxx, ...).</summary>
public enum RuleCategory
{
    Manifest = 1,
    Entrypoint = 2,
    Requirements = 3,
    Git = 4,
    Security = 5,
    Tool = 9,
}

/// <summary>The one place that says which IDs belong to which category.</summary>
public static class RuleIdRanges
{
    public static (int First, int Last) For(RuleCategory category)
    {
        var thousands = (int)category * 1000;
        return (thousands + 1, thousands + 999);
    }

    public static bool Contains(RuleCategory category, string id)
    {
        if (id.Length != 6 || !id.StartsWith("CL", StringComparison.Ordinal) || !int.TryParse(id.AsSpan(2), out var number))
        {
            return false;
        }

        var (first, last) = For(category);
        return number >= first && number <= last;
    }

    public static string Label(this RuleCategory category) => category switch
    {
        RuleCategory.Manifest => "manifest",
        RuleCategory.Entrypoint => "entrypoint",
        RuleCategory.Requirements => "requirements",
        RuleCategory.Git => "git",
        RuleCategory.Security => "security",
        _ => "tool",
    };
}
