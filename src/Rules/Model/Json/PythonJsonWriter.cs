namespace Connect.Lint.Rules.Model.Json;

/// <summary>
/// Writes JSON the way Python's <c>json.dumps(obj, indent=2)</c> does (rsconnect's manifests): two-space
/// indent, ", " never at line ends, ": " after names, ASCII only with lowercase <c>\u00e9</c> escapes.
/// </summary>
public static class PythonJsonWriter
{
    public static string Write(JsonNode node, int indentLevel = 0)
    {
        using var writer = new StringWriter(System.Globalization.CultureInfo.InvariantCulture);
        Write(writer, node, indentLevel);
        return writer.ToString();
    }

    /// <summary>Writes straight to <paramref name="writer"/>: a manifest of many files is never held as one string.</summary>
    public static void Write(TextWriter writer, JsonNode node, int level)
    {
        switch (node)
        {
            case JsonObject obj when obj.Properties.Count == 0:
                writer.Write("{}");
                break;
            case JsonObject obj:
                writer.Write("{\n");
                for (var i = 0; i < obj.Properties.Count; i++)
                {
                    Indent(writer, level + 1);
                    WriteString(writer, obj.Properties[i].Name);
                    writer.Write(": ");
                    Write(writer, obj.Properties[i].Value, level + 1);
                    writer.Write(i + 1 < obj.Properties.Count ? ",\n" : "\n");
                }

                Indent(writer, level);
                writer.Write('}');
                break;
            case JsonArray array when array.Items.Count == 0:
                writer.Write("[]");
                break;
            case JsonArray array:
                writer.Write("[\n");
                for (var i = 0; i < array.Items.Count; i++)
                {
                    Indent(writer, level + 1);
                    Write(writer, array.Items[i], level + 1);
                    writer.Write(i + 1 < array.Items.Count ? ",\n" : "\n");
                }

                Indent(writer, level);
                writer.Write(']');
                break;
            case JsonString text:
                WriteString(writer, text.Value);
                break;
            case JsonNumber number:
                writer.Write(number.Raw);
                break;
            case JsonBoolean boolean:
                writer.Write(boolean.Value ? "true" : "false");
                break;
            default:
                writer.Write("null");
                break;
        }
    }

    public static string QuoteString(string value)
    {
        using var writer = new StringWriter(System.Globalization.CultureInfo.InvariantCulture);
        WriteString(writer, value);
        return writer.ToString();
    }

    private static void Indent(TextWriter writer, int level)
    {
        for (var i = 0; i < level * 2; i++)
        {
            writer.Write(' ');
        }
    }

    private static void WriteString(TextWriter writer, string value)
    {
        writer.Write('"');
        foreach (var c in value)
        {
            switch (c)
            {
                case '"': writer.Write("\\\""); break;
                case '\\': writer.Write("\\\\"); break;
                case '\n': writer.Write("\\n"); break;
                case '\r': writer.Write("\\r"); break;
                case '\t': writer.Write("\\t"); break;
                case '\b': writer.Write("\\b"); break;
                case '\f': writer.Write("\\f"); break;
                case >= ' ' and <= '~': writer.Write(c); break;
                default: writer.Write("\\u"); writer.Write(((int)c).ToString("x4")); break;
            }
        }

        writer.Write('"');
    }
}
