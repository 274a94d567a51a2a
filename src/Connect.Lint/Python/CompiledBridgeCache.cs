using System.Security.Cryptography;
using System.Text;

namespace Connect.Lint.Python;

/// <summary>
/// The compiled bridge (marshal'd code objects the interpreter writes into the cache, ~4 ms saved per start) is the one
/// thing in the cache that runs. The interpreter loads it only when its SHA-256 is the one the tool holds: a record
/// beside it, keyed with the cache's secret (HMAC), written by the tool after a bridge it started compiled the file.
/// A file planted without the tool, or changed after, is compiled over instead.
/// </summary>
internal static class CompiledBridgeCache
{
    /// <summary>
    /// The loader's cache argument: "" (no cache), ":PATH" (compile, and keep it at PATH), or "SHA256:PATH" (load PATH
    /// when its bytes hash to SHA256, else compile and keep).
    /// </summary>
    public static string ArgumentFor(string interpreter)
    {
        if (Caching.ToolCache.Usable is null)
        {
            return string.Empty;
        }

        var path = BridgeScript.CompiledCachePath(interpreter);
        try
        {
            Caching.CachePrivacy.CreatePrivate(Path.GetDirectoryName(path)!);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return string.Empty;
        }

        return $"{Verified(path)}:{path}";
    }

    /// <summary>After a bridge started with <paramref name="argument"/> ended: records the file it compiled, if it did.</summary>
    public static void Record(string argument)
    {
        if (!argument.StartsWith(':'))
        {
            return; // no cache, or it loaded a verified file
        }

        var path = argument[1..];
        try
        {
            if (File.Exists(path) && new FileInfo(path).Length < 16 * 1024 * 1024)
            {
                var hash = Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(path)));
                Caching.ToolCache.Write(RecordName(path), $"{hash} {Mac(hash, path)}\n");
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // unrecorded: the next run compiles again
        }
    }

    /// <summary>The record's entry name in the cache: beside the compiled file.</summary>
    private static string RecordName(string path) => Path.GetRelativePath(Caching.ToolCache.Directory, path) + ".sha256";

    /// <summary>The SHA-256 the record vouches for, or "" when there is no record or it is not the tool's.</summary>
    private static string Verified(string path)
    {
        if (Caching.ToolCache.Read(RecordName(path))?.Trim().Split(' ') is not [var hash, var mac])
        {
            return string.Empty;
        }

        return hash.Length == 64 && hash.All(char.IsAsciiHexDigitLower) &&
               CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(mac), Encoding.ASCII.GetBytes(Mac(hash, path)))
            ? hash
            : string.Empty;
    }

    private static string Mac(string hash, string path) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(Caching.ToolCache.Secret(), Encoding.UTF8.GetBytes(hash + "\n" + path)));
}
