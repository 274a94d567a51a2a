using System.Security.Cryptography;
using System.Text;
using Connect.Lint.Rules.Analysis;

namespace Connect.Lint.Reporting;

/// <summary>
/// SARIF <c>partialFingerprints</c> that survive lines moving: a hash of the rule, the file (relative to the
/// repository root) and the text of the flagged line, numbered among identical ones — never the line number, so an
/// alert keeps its identity when code above it is added or removed. The line's text is hashed, never written.
/// </summary>
/// <param name="contentOf">Where a reported file's bytes are: the file itself, or (check --rev) the commit's copy of it.</param>
public sealed class SarifFingerprints(string root, Func<string, string>? contentOf = null)
{
    public const string Key = "connectLint/v1";

    private const long MaxFileBytes = 4 * 1024 * 1024;

    private readonly Dictionary<string, string[]?> _lines = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _seen = new(StringComparer.Ordinal);

    /// <summary>The fingerprint of the next result; results come in report order, so the numbering is stable.</summary>
    public string Next(Diagnostic diagnostic)
    {
        var location = diagnostic.Location;
        var relative = RepositoryRoot.RelativeUri(root, location.FilePath);
        var text = location.HasRegion ? LineText(location.FilePath, location.Line) : string.Empty;
        var identity = $"{diagnostic.Id}\0{relative}\0{text}";
        var occurrence = _seen[identity] = _seen.GetValueOrDefault(identity) + 1;
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"{identity}\0{occurrence}"));
        return Convert.ToHexStringLower(hash)[..32];
    }

    /// <summary>The line's text without surrounding whitespace (re-indenting keeps the identity); empty when unreadable.</summary>
    private string LineText(string path, int line)
    {
        if (!_lines.TryGetValue(path, out var lines))
        {
            _lines[path] = lines = Read(contentOf?.Invoke(path) ?? path);
        }

        return lines is not null && line >= 1 && line <= lines.Length ? lines[line - 1].Trim() : string.Empty;
    }

    private static string[]? Read(string path)
    {
        try
        {
            var info = new FileInfo(path);
            return info.Exists && info.Length <= MaxFileBytes ? File.ReadAllText(path).Split('\n') : null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }
}
