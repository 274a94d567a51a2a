using System.Text;

namespace Connect.Lint.Rules.Model.Json;

/// <summary>
/// Writes JSON the way Python's <c>json.dumps(obj, indent=2)</c> does (rsconnect's manifests): two-space
/// indent, ", " never at line ends, ": " after names, ASCII only with lowercase <c>\u00e9</c> escapes.
/// </summary>
public static class PythonJsonWriter
{
    public static string Write(JsonNode node, int indentLevel = 0)
    {
        var builder = new StringBuilder();
        Write(builder, node, indentLevel);
        return builder.ToString();
    }

    public static void Write(StringBuilder builder, JsonNode node, int level)
    {
        switch (node)
        {
            case JsonObject obj when obj.Properties.Count == 0:
                builder.Append("{}");
                break;
            case JsonObject obj:
                builder.Append("{\n");
                for (var i = 0; i < obj.Properties.Count; i++)
                {
                    Indent(builder, level + 1);
                    WriteString(builder, obj.Properties[i].Name);
                    builder.Append(": ");
                    Write(builder, obj.Properties[i].Value, level + 1);
                    builder.Append(i + 1 < obj.Properties.Count ? ",\n" : "\n");
                }

                Indent(builder, level);
                builder.Append('}');
                break;
            case JsonArray array when array.Items.Count == 0:
                builder.Append("[]");
                break;
            case JsonArray array:
                builder.Append("[\n");
                for (var i = 0; i < array.Items.Count; i++)
                {
                    Indent(builder, level + 1);
                    Write(builder, array.Items[i], level + 1);
                    builder.Append(i + 1 < array.Items.Count ? ",\n" : "\n");
                }

                Indent(builder, level);
                builder.Append(']');
                break;
            case JsonString text:
                WriteString(builder, text.Value);
                break;
            case JsonNumber number:
                builder.Append(number.Raw);
                break;
            case JsonBoolean boolean:
                builder.Append(boolean.Value ? "true" : "false");
                break;
            default:
                builder.Append("null");
                break;
        }
    }

    public static string QuoteString(string value)
    {
        var builder = new StringBuilder(value.Length + 2);
        WriteString(builder, value);
        return builder.ToString();
    }

    private static void Indent(StringBuilder builder, int level) => builder.Append(' ', level * 2);

    private static void WriteString(StringBuilder builder, string value)
    {
        builder.Append('"');
        foreach (var c in value)
        {
            switch (c)
            {
                case '"': builder.Append("\\\""); break;
                case '\\': builder.Append("\\\\"); break;
                case '\n': builder.Append("\\n"); break;
                case '\r': builder.Append("\\r"); break;
                case '\t': builder.Append("\\t"); break;
                case '\b': builder.Append("\\b"); break;
                case '\f': builder.Append("\\f"); break;
                case >= ' ' and <= '~': builder.Append(c); break;
                default: builder.Append("\\u").Append(((int)c).ToString("x4")); break;
            }
        }

        builder.Append('"');
    }
}
