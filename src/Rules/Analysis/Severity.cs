namespace Connect.Lint.Rules.Analysis;

/// <summary>How serious a diagnostic is; the order matters (higher is worse), the names are SARIF's levels.</summary>
public enum Severity
{
    Note = 0,
    Warning = 1,
    Error = 2,
}

public static class SeverityNames
{
    public static string ToName(this Severity severity) => severity switch
    {
        Severity.Note => "note",
        Severity.Warning => "warning",
        _ => "error",
    };

    public static bool TryParse(string text, out Severity severity)
    {
        switch (text.Trim().ToLowerInvariant())
        {
            case "note" or "info": severity = Severity.Note; return true;
            case "warning" or "warn": severity = Severity.Warning; return true;
            case "error": severity = Severity.Error; return true;
            default: severity = Severity.Error; return false;
        }
    }
}
