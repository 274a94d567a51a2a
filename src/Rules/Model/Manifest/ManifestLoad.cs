using Connect.Lint.Rules.Model.Json;

namespace Connect.Lint.Rules.Model.Manifest;

/// <summary>Why a manifest.json could not be parsed, with the place (offset in the decoded text, or -1).</summary>
public sealed record ManifestSyntaxError(string Message, int Line, int Column);

/// <summary>What loading manifest.json gave: nothing, an unreadable or malformed file, or a parsed manifest.</summary>
public sealed record ManifestLoad(string FilePath, bool Exists, ConnectManifest? Manifest, ManifestSyntaxError? Error)
{
    public static ManifestLoad Missing(string path) => new(path, false, null, null);

    /// <summary>Decodes and parses manifest bytes as Connect and rsconnect would (strict UTF-8, no BOM).</summary>
    /// <param name="withoutFiles">Check the <c>files</c> list's syntax but keep none of it (write-manifest rebuilds it).</param>
    public static ManifestLoad FromBytes(string path, byte[] bytes, bool withoutFiles = false)
    {
        if (bytes.Length >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF)
        {
            return new ManifestLoad(path, true, null,
                new ManifestSyntaxError("file starts with a UTF-8 byte order mark, which Python's json module rejects", 1, 1));
        }

        if (!Utf8Text.TryDecode(bytes, out var text, out var badByteOffset))
        {
            var (line, column) = Utf8Text.PositionOfByte(bytes, badByteOffset);
            return new ManifestLoad(path, true, null,
                new ManifestSyntaxError($"invalid UTF-8 byte 0x{bytes[badByteOffset]:x2}", line, column));
        }

        var source = new SourceText(path, text);
        try
        {
            var root = JsonParser.Parse(text, withoutFiles ? "files" : null);
            return new ManifestLoad(path, true, new ConnectManifest(source, root), null);
        }
        catch (JsonSyntaxException e)
        {
            var (line, column) = source.PositionOf(e.Offset);
            return new ManifestLoad(path, true, null, new ManifestSyntaxError(e.Message, line, column));
        }
    }
}
