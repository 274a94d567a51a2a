using Connect.Lint.Rules.Model.Json;

namespace Connect.Lint.Rules.Model.Manifest;

/// <summary>One entry of the manifest's <c>files</c> object: the path as written and its checksum node.</summary>
public sealed record ManifestFileEntry(JsonProperty Property)
{
    public string Path => Property.Name;

    /// <summary>The checksum string when the entry is well-formed; null otherwise (CL1003 reports it).</summary>
    public JsonString? Checksum => (Property.Value as JsonObject)?["checksum"] as JsonString;

    /// <summary>True when the checksum is 32 hexadecimal digits; other values are CL1003's to report.</summary>
    public bool HasWellFormedChecksum => Checksum is { Value.Length: 32 } checksum && checksum.Value.All(char.IsAsciiHexDigit);
}
