using Connect.Lint.Rules.Model.Json;

namespace Connect.Lint.Rules.Model.Manifest;

/// <summary>
/// A parsed manifest.json with positions: typed accessors over the JSON tree. Accessors return null when a
/// member is absent or of the wrong type; the schema rule (CL1003) is the one that reports wrong types.
/// </summary>
public sealed class ConnectManifest
{
    public ConnectManifest(SourceText source, JsonNode root)
    {
        Source = source;
        Root = root;
    }

    public SourceText Source { get; }

    public JsonNode Root { get; }

    public JsonObject? RootObject => Root as JsonObject;

    public JsonObject? Metadata => RootObject?["metadata"] as JsonObject;

    public JsonString? AppMode => Metadata?["appmode"] as JsonString;

    public JsonProperty? EntrypointProperty => Metadata?.Find("entrypoint");

    public JsonString? Entrypoint => EntrypointProperty?.Value as JsonString;

    public JsonObject? Python => RootObject?["python"] as JsonObject;

    public JsonString? PythonVersion => Python?["version"] as JsonString;

    public JsonObject? PackageManager => Python?["package_manager"] as JsonObject;

    public JsonString? PackageFileNode => PackageManager?["package_file"] as JsonString;

    /// <summary>The requirements file the manifest names; rsconnect's default when it names none.</summary>
    public string PackageFile => PackageFileNode?.Value is { Length: > 0 } name ? name : "requirements.txt";

    public JsonProperty? FilesProperty => RootObject?.Find("files");

    public JsonObject? Files => FilesProperty?.Value as JsonObject;

    /// <summary>
    /// Each listed path once: like Python's json (rsconnect, Connect), the last of a name listed twice wins, so a
    /// merge that left an old entry above the current one is judged by the current one.
    /// </summary>
    public IEnumerable<ManifestFileEntry> FileEntries => Files is { } files ? LastOfEachName(files.Properties) : [];

    private static IEnumerable<ManifestFileEntry> LastOfEachName(IReadOnlyList<JsonProperty> properties)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var kept = new bool[properties.Count];
        for (var i = properties.Count - 1; i >= 0; i--)
        {
            kept[i] = seen.Add(properties[i].Name);
        }

        for (var i = 0; i < properties.Count; i++)
        {
            if (kept[i])
            {
                yield return new ManifestFileEntry(properties[i]);
            }
        }
    }

    /// <summary>
    /// Whether this is Connect's manifest rather than a web-app or browser-extension manifest: Connect's has
    /// <c>metadata</c> or a numeric <c>version</c>; the others have <c>manifest_version</c>, <c>name</c>,
    /// <c>icons</c> or <c>start_url</c>.
    /// </summary>
    public bool IsConnectManifest
    {
        get
        {
            if (RootObject is not { } root)
            {
                return true;
            }

            if (root.Find("manifest_version") is not null)
            {
                return false;
            }

            if (root.Find("metadata") is not null || root["version"] is JsonNumber || root.Find("files") is not null)
            {
                return true;
            }

            return !(root.Find("name") is not null || root.Find("short_name") is not null ||
                     root.Find("icons") is not null || root.Find("start_url") is not null);
        }
    }
}
