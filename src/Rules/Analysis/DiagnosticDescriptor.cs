using System.Globalization;

namespace Connect.Lint.Rules.Analysis;

/// <summary>Everything that is fixed about a rule: its identity, message, defaults and SARIF metadata.</summary>
public sealed record DiagnosticDescriptor
{
    public required string Id { get; init; }

    /// <summary>Kebab-case name, as in the catalog (e.g. manifest-missing).</summary>
    public required string Name { get; init; }

    /// <summary>One sentence: what the rule finds.</summary>
    public required string Title { get; init; }

    /// <summary>Composite format for the message; arguments are supplied by the rule.</summary>
    public required string MessageFormat { get; init; }

    public required RuleCategory Category { get; init; }

    public required Severity DefaultSeverity { get; init; }

    public bool EnabledByDefault { get; init; } = true;

    public required string HelpUri { get; init; }

    public IReadOnlyList<string> Tags { get; init; } = [];

    /// <summary>SARIF precision: very-high, high, medium or low.</summary>
    public string Precision { get; init; } = "very-high";

    /// <summary>SARIF security-severity (0.0–10.0) for security rules; null for the others.</summary>
    public double? SecuritySeverity { get; init; }

    public FixAvailability Fix { get; init; } = FixAvailability.None;

    /// <summary>The facts beyond the files the rule cannot judge without: gathered when it is enabled, and without them its noqa comments are not called unused.</summary>
    public RuleNeeds Needs { get; init; }

    /// <summary>The facts the rule reads when they are there but judges without (the import sharpens what the text shows): gathered when it is enabled.</summary>
    public RuleNeeds Uses { get; init; }

    /// <summary>The settings that change what the rule reports (command-line flags and [tool.connect-lint] keys), for its page.</summary>
    public IReadOnlyList<string> Options { get; init; } = [];

    /// <summary>True when the rule needs the import of the app by the project's interpreter.</summary>
    public bool NeedsPython => Needs.HasFlag(RuleNeeds.PythonImport) || Needs.HasFlag(RuleNeeds.Rehearsal);

    public string FormatMessage(params object?[] arguments) =>
        arguments.Length == 0 ? MessageFormat : string.Format(CultureInfo.InvariantCulture, MessageFormat, arguments);
}
