namespace Connect.Lint.Rules.Analysis;

/// <summary>The one helper every rule builds its descriptor with, so that all rules are shaped alike.</summary>
public static class Descriptors
{
    public const string HelpBaseUri = "https://github.com/connect-lint/connect-lint/blob/main/rules-docs/";

    public static DiagnosticDescriptor Create(
        string id,
        string name,
        string title,
        string messageFormat,
        RuleCategory category,
        Severity severity,
        FixAvailability fix = FixAvailability.None,
        RuleNeeds needs = RuleNeeds.None,
        RuleNeeds uses = RuleNeeds.None,
        double? securitySeverity = null,
        string precision = "very-high",
        bool enabledByDefault = true,
        string[]? options = null,
        params string[] extraTags)
    {
        if (!RuleIdRanges.Contains(category, id))
        {
            throw new ArgumentException($"{id} is outside the ID range of category {category}.", nameof(id));
        }

        if (category == RuleCategory.Security && securitySeverity is null)
        {
            // Code scanning ranks security alerts by it, and a rule tagged "security" without one is shown unranked.
            throw new ArgumentException($"{id} is a security rule and needs a security-severity.", nameof(securitySeverity));
        }

        var tags = new List<string> { category.Label() };
        if (securitySeverity is not null)
        {
            tags.Add("security");
        }

        tags.AddRange(extraTags);
        tags = tags.Distinct(StringComparer.Ordinal).ToList();
        return new DiagnosticDescriptor
        {
            Id = id,
            Name = name,
            Title = title,
            MessageFormat = messageFormat,
            Category = category,
            DefaultSeverity = severity,
            EnabledByDefault = enabledByDefault,
            HelpUri = HelpBaseUri + id + ".md",
            Tags = tags,
            Precision = precision,
            SecuritySeverity = securitySeverity,
            Fix = fix,
            Needs = needs,
            Uses = uses,
            Options = RuleOptions.For(needs, options ?? []),
        };
    }
}
