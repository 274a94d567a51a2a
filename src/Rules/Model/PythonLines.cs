namespace Connect.Lint.Rules.Model;

/// <summary>
/// Python's <c>str.splitlines()</c>: the line boundaries pip (and any Python tool reading a text) splits at, which
/// are more than an editor's '\n': CR, CRLF, vertical tab, form feed, the file/group/record separators, NEL, and
/// the Unicode line and paragraph separators.
/// </summary>
public static class PythonLines
{
    public static bool IsBoundary(char c) => c is '\n' or '\r' or '\v' or '\f' or '\x1c' or '\x1d' or '\x1e' or '\x85' or '\u2028' or '\u2029';

    /// <summary>Each line without its boundary, with the offset it starts at; no empty last line after a final boundary.</summary>
    public static IEnumerable<(int Start, string Line)> Split(string text)
    {
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            if (!IsBoundary(text[i]))
            {
                continue;
            }

            yield return (start, text[start..i]);
            if (text[i] == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
            {
                i++;
            }

            start = i + 1;
        }

        if (start < text.Length)
        {
            yield return (start, text[start..]);
        }
    }
}
