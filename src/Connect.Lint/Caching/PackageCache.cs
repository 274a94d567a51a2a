using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Connect.Lint.Caching;

/// <summary>
/// The installed distributions last read from an interpreter's environment, with the environment's key (each sys.path
/// directory and its modification time, see distributions.py). The bridge is given the key and reads the distributions
/// again only when its own differs: an unchanged environment costs a few stat calls instead of ~40 ms of importlib.metadata.
/// </summary>
public static class PackageCache
{
    /// <summary>The key (raw JSON) and installed distributions (raw JSON) held for this interpreter, if any.</summary>
    public sealed record Entry(string Key, string Installed);

    public static Entry? Read(string interpreter)
    {
        if (ToolCache.Read(NameFor(interpreter)) is not { } text)
        {
            return null;
        }

        try
        {
            using var document = JsonDocument.Parse(text);
            var root = document.RootElement;
            if (root.GetProperty("tool").GetString() != ToolInfo.Version || root.GetProperty("interpreter").GetString() != interpreter
                || root.GetProperty("key").ValueKind != JsonValueKind.Array || root.GetProperty("installed").ValueKind != JsonValueKind.Object)
            {
                return null;
            }

            return new Entry(root.GetProperty("key").GetRawText(), root.GetProperty("installed").GetRawText());
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException)
        {
            return null;
        }
    }

    public static void Write(string interpreter, string key, string installed)
    {
        var text = new StringBuilder()
            .Append("{\"tool\": ").Append(JsonSerializer.Serialize(ToolInfo.Version, CacheJsonContext.Default.String))
            .Append(", \"interpreter\": ").Append(JsonSerializer.Serialize(interpreter, CacheJsonContext.Default.String))
            .Append(", \"key\": ").Append(key)
            .Append(", \"installed\": ").Append(installed)
            .Append("}\n");
        ToolCache.Write(NameFor(interpreter), text.ToString());
    }

    /// <summary>Where the entry for this interpreter lives.</summary>
    public static string PathFor(string interpreter) => Path.Combine(ToolCache.Directory, NameFor(interpreter));

    private static string NameFor(string interpreter) =>
        Path.Combine("packages", Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(interpreter)))[..32] + ".json");
}

[System.Text.Json.Serialization.JsonSerializable(typeof(string))]
internal sealed partial class CacheJsonContext : System.Text.Json.Serialization.JsonSerializerContext;
