using System.Text;
using System.Text.Json;
using Connect.Lint.Rules.Analysis;

namespace Connect.Lint.Reporting;

/// <summary>
/// GitLab Code Quality (the <c>codequality</c> report of a job's artifacts): a JSON array of issues with a
/// description, the rule as check_name, a fingerprint that survives lines moving (as SARIF's), a severity from
/// GitLab's scale and the file relative to the repository root with its first line.
/// </summary>
public static class GitLabReporter
{
    public static string Render(CheckResult result)
    {
        var root = RepositoryRoot.Find();
        var fingerprints = new SarifFingerprints(root);
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            writer.WriteStartArray();
            foreach (var diagnostic in result.Diagnostics)
            {
                writer.WriteStartObject();
                writer.WriteString("description", $"{diagnostic.Id} {diagnostic.Message}");
                writer.WriteString("check_name", diagnostic.Id);
                writer.WriteString("fingerprint", fingerprints.Next(diagnostic));
                writer.WriteString("severity", Severity(diagnostic));
                writer.WriteStartObject("location");
                writer.WriteString("path", Path.GetRelativePath(root, diagnostic.Location.FilePath).Replace('\\', '/'));
                writer.WriteStartObject("lines");
                writer.WriteNumber("begin", Math.Max(diagnostic.Location.Line, 1));
                writer.WriteEndObject();
                writer.WriteEndObject();
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
        }

        return Encoding.UTF8.GetString(stream.ToArray()) + "\n";
    }

    /// <summary>GitLab's scale is info, minor, major, critical, blocker: a security error is critical.</summary>
    private static string Severity(Diagnostic diagnostic) => diagnostic.Severity switch
    {
        Rules.Analysis.Severity.Error when diagnostic.Descriptor.SecuritySeverity is not null => "critical",
        Rules.Analysis.Severity.Error => "major",
        Rules.Analysis.Severity.Warning => "minor",
        _ => "info",
    };
}
