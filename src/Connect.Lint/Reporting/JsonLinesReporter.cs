using System.Text;
using System.Text.Json;

namespace Connect.Lint.Reporting;

/// <summary>One JSON object per line, one line per diagnostic (the objects of the JSON report's "diagnostics"), nothing else.</summary>
public static class JsonLinesReporter
{
    public static string Render(CheckResult result)
    {
        var builder = new StringBuilder();
        foreach (var diagnostic in result.Diagnostics)
        {
            using var stream = new MemoryStream();
            using (var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
            {
                JsonReporter.WriteDiagnostic(writer, diagnostic);
            }

            builder.Append(Encoding.UTF8.GetString(stream.ToArray())).Append('\n');
        }

        return builder.ToString();
    }
}
