using System.Text;

namespace Connect.Lint.Rules.Model;

/// <summary>
/// The checksum rsconnect-python lists for the requirements file. It is not the md5 of the file: rsconnect
/// reads it in text mode (CRLF and CR become LF), drops every line that mentions rsconnect, cuts each line at
/// " @ file:" and strips it, drops setuptools "post" pins, and hashes the UTF-8 of what is left.
/// </summary>
public static class RequirementsChecksum
{
    public static string Compute(byte[] fileBytes) => Compute(fileBytes, out _);

    /// <summary>
    /// The checksum, and (out) that of the processed text with LF turned into CRLF: what a Windows checkout
    /// of the same file gives. The text is processed once for both.
    /// </summary>
    public static string Compute(byte[] fileBytes, out string crlfForm)
    {
        var text = ProcessedText(fileBytes);
        crlfForm = Md5Hex(Encoding.UTF8.GetBytes(text.Replace("\n", "\r\n", StringComparison.Ordinal)));
        return Md5Hex(Encoding.UTF8.GetBytes(text));
    }

    public static string ProcessedText(byte[] fileBytes)
    {
        var text = Encoding.UTF8.GetString(fileBytes);
        // Like Python's utf-8 codec, GetString keeps a BOM as a character, so we hash what rsconnect hashes.
        text = text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n');
        var kept = text.Split('\n')
            .Where(line => !line.Contains("rsconnect", StringComparison.Ordinal))
            .Select(StripFileReference)
            .Where(line => !IsSetuptoolsPostPin(line));
        return string.Join('\n', kept);
    }

    public static string Md5Hex(ReadOnlySpan<byte> bytes) => Md5.HexOf(bytes);

    private static string StripFileReference(string line)
    {
        var cut = line.IndexOf(" @ file:", StringComparison.Ordinal);
        return PythonStrip(cut >= 0 ? line[..cut] : line);
    }

    private static bool IsSetuptoolsPostPin(string line) =>
        line.StartsWith("setuptools", StringComparison.Ordinal) && line.Contains("post", StringComparison.Ordinal);

    /// <summary>Python's str.strip(): removes Unicode whitespace, including the separators \x1c–\x1f.</summary>
    private static string PythonStrip(string value)
    {
        var start = 0;
        var end = value.Length;
        while (start < end && IsPythonSpace(value[start]))
        {
            start++;
        }

        while (end > start && IsPythonSpace(value[end - 1]))
        {
            end--;
        }

        return value[start..end];
    }

    private static bool IsPythonSpace(char c) => char.IsWhiteSpace(c) || c is >= '\x1c' and <= '\x1f';
}
