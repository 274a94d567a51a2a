using System.Text.Json;

namespace Connect.Lint.Python;

/// <summary>Text as a Python string literal: a JSON string (non-ASCII escaped) is also a valid Python one.</summary>
public static class PythonLiteral
{
    public static string Of(string value)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
        {
            writer.WriteStringValue(value);
        }

        return System.Text.Encoding.UTF8.GetString(stream.ToArray());
    }
}
