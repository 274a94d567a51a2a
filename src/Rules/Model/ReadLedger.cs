using System.Collections.Concurrent;

namespace Connect.Lint.Rules.Model;

/// <summary>
/// Fingerprints of the bytes read, by full path: what a fix compares against before it writes. It tells whether a
/// file changed since it was read, so the managed MD5 serves (no native crypto library to load at start-up).
/// </summary>
public sealed class ReadLedger
{
    private readonly ConcurrentDictionary<string, string> _fingerprints = new(StringComparer.Ordinal);

    public void Record(string fullPath, byte[] bytes) => _fingerprints[fullPath] = Fingerprint(bytes);

    public string? FingerprintOf(string fullPath) => _fingerprints.TryGetValue(fullPath, out var value) ? value : null;

    public static string Fingerprint(ReadOnlySpan<byte> bytes) => bytes.Length.ToString(System.Globalization.CultureInfo.InvariantCulture) + ":" + Md5.HexOf(bytes);
}
