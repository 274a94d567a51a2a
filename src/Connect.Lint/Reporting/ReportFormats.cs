namespace Connect.Lint.Reporting;

/// <summary>check's --output-format values and the reporter behind each.</summary>
public static class ReportFormats
{
    /// <summary>The formats, in the order --help lists them.</summary>
    public static readonly string[] All = ["text", "concise", "json", "json-lines", "sarif", "github", "gitlab", "junit"];

    public static string Render(string format, CheckResult result) => format switch
    {
        "concise" => ConciseReporter.Render(result),
        "json" => JsonReporter.Render(result, ToolInfo.Version),
        "json-lines" => JsonLinesReporter.Render(result),
        "sarif" => SarifReporter.Render(result, ToolInfo.Version),
        "github" => GitHubReporter.Render(result),
        "gitlab" => GitLabReporter.Render(result),
        "junit" => JUnitReporter.Render(result),
        _ => TextReporter.Render(result),
    };
}
