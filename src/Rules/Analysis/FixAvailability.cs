namespace Connect.Lint.Rules.Analysis;

/// <summary>Whether a rule offers a fix, and whether it is applied by a plain --fix (Safe) or only with --unsafe-fixes.</summary>
public enum FixAvailability
{
    None,
    Safe,
    Unsafe,
}
