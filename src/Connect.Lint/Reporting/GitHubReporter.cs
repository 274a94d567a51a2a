using System.Text;
using Connect.Lint.Rules.Analysis;

namespace Connect.Lint.Reporting;

/// <summary>GitHub Actions workflow commands: <c>::error file=…,line=…,col=…,endLine=…,endColumn=…,title=ID::message</c>.</summary>
public static class GitHubReporter
{
    public static string Render(CheckResult result)
    {
        var builder = new StringBuilder();
        foreach (var diagnostic in result.Diagnostics)
        {
            var command = diagnostic.Severity switch
            {
                Severity.Error => "error",
                Severity.Warning => "warning",
                _ => "notice",
            };
            var location = diagnostic.Location;
            var properties = new List<string> { $"file={Property(DisplayPath.ForLine(location.FilePath))}" };
            if (location.HasRegion)
            {
                properties.Add($"line={location.Line}");
                if (location.HasColumns)
                {
                    properties.Add($"col={location.Column}");
                }

                properties.Add($"endLine={Math.Max(location.EndLine, location.Line)}");
                if (location.HasColumns && location.EndLine == location.Line)
                {
                    properties.Add($"endColumn={location.EndColumn}");
                }
            }

            properties.Add($"title={Property($"{diagnostic.Id} {diagnostic.Descriptor.Name}")}");
            builder.Append("::").Append(command).Append(' ').Append(string.Join(',', properties)).Append("::").Append(Data(diagnostic.Message)).Append('\n');
        }

        return builder.ToString();
    }

    /// <summary>Message text: %, CR and LF escaped.</summary>
    public static string Data(string value) =>
        value.Replace("%", "%25", StringComparison.Ordinal).Replace("\r", "%0D", StringComparison.Ordinal).Replace("\n", "%0A", StringComparison.Ordinal);

    /// <summary>Property values: also ':' and ','.</summary>
    public static string Property(string value) =>
        Data(value).Replace(":", "%3A", StringComparison.Ordinal).Replace(",", "%2C", StringComparison.Ordinal);
}
