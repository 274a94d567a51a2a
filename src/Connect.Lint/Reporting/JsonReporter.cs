using System.Text;
using System.Text.Json;
using Connect.Lint.Rules.Analysis;

namespace Connect.Lint.Reporting;

/// <summary>A JSON document for machines: the deployments (with the interpreter used), the diagnostics with their fixes, and counts.</summary>
public static class JsonReporter
{
    public static string Render(CheckResult result, string toolVersion)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            writer.WriteStartObject();
            writer.WriteNumber("version", 1);
            writer.WriteStartObject("tool");
            writer.WriteString("name", "connect-lint");
            writer.WriteString("version", toolVersion);
            writer.WriteEndObject();
            if (result.Commit is { } commit)
            {
                writer.WriteStartObject("commit");
                writer.WriteString("sha", commit.Sha);
                writer.WriteString("revision", commit.Revision);
                writer.WriteEndObject();
            }

            writer.WriteStartArray("deployments");
            foreach (var deployment in result.Deployments)
            {
                writer.WriteStartObject();
                writer.WriteString("directory", DisplayPath.Of(deployment.Directory));
                if (deployment.Interpreter is { } interpreter)
                {
                    writer.WriteStartObject("interpreter");
                    writer.WriteString("path", interpreter.Path);
                    writer.WriteString("reason", interpreter.Reason);
                    writer.WriteEndObject();
                }
                else
                {
                    writer.WriteNull("interpreter");
                }

                writer.WriteStartArray("notices");
                deployment.Notices.ToList().ForEach(writer.WriteStringValue);
                writer.WriteEndArray();
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteStartArray("diagnostics");
            foreach (var diagnostic in result.Diagnostics)
            {
                WriteDiagnostic(writer, diagnostic);
            }

            writer.WriteEndArray();
            writer.WriteStartObject("summary");
            writer.WriteNumber("errors", result.Count(Severity.Error));
            writer.WriteNumber("warnings", result.Count(Severity.Warning));
            writer.WriteNumber("notes", result.Count(Severity.Note));
            writer.WriteNumber("fixable", result.FixableCount(includeUnsafe: false));
            writer.WriteNumber("fixed", result.FixedCount);
            writer.WriteEndObject();
            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray()) + "\n";
    }

    /// <summary>One diagnostic as the JSON report (and json-lines) writes it.</summary>
    public static void WriteDiagnostic(Utf8JsonWriter writer, Diagnostic diagnostic)
    {
        writer.WriteStartObject();
        writer.WriteString("code", diagnostic.Id);
        writer.WriteString("name", diagnostic.Descriptor.Name);
        writer.WriteString("severity", diagnostic.Severity.ToName());
        writer.WriteString("message", diagnostic.Message);
        writer.WriteString("file", DisplayPath.Of(diagnostic.Location.FilePath));
        WriteRange(writer, diagnostic.Location);
        if (diagnostic.Fix is { } fix)
        {
            writer.WriteStartObject("fix");
            writer.WriteString("title", fix.Title);
            writer.WriteString("applicability", fix.Safety == FixAvailability.Unsafe ? "unsafe" : "safe");
            writer.WriteStartArray("edits");
            foreach (var edit in fix.Edits)
            {
                writer.WriteStartObject();
                writer.WriteString("file", DisplayPath.Of(edit.FilePath));
                writer.WriteBoolean("creates_file", edit.CreatesFile);
                WriteRange(writer, edit.Range);
                writer.WriteString("content", edit.NewText);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }
        else
        {
            writer.WriteNull("fix");
        }

        writer.WriteString("help_uri", diagnostic.Descriptor.HelpUri);
        writer.WriteEndObject();
    }

    private static void WriteRange(Utf8JsonWriter writer, Location location)
    {
        if (!location.HasRegion)
        {
            writer.WriteNull("location");
            writer.WriteNull("end_location");
            return;
        }

        writer.WriteStartObject("location");
        writer.WriteNumber("line", location.Line);
        writer.WriteNumber("column", location.Column);
        writer.WriteEndObject();
        writer.WriteStartObject("end_location");
        writer.WriteNumber("line", location.EndLine);
        writer.WriteNumber("column", location.EndColumn);
        writer.WriteEndObject();
    }
}
