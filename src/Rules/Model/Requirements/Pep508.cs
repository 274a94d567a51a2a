namespace Connect.Lint.Rules.Model.Requirements;

/// <summary>The parts of one PEP 508 requirement; the name starts the text.</summary>
public sealed record Pep508Parts(string Name, string? Extras, string? Url, string Specifier, string? Markers);

/// <summary>
/// Splits "name[extras] specifier ; markers" or "name[extras] @ url ; markers" in one left-to-right pass. A
/// hand-written scanner rather than a regular expression: the expression this replaces backtracked for over a
/// minute on a 500-character line, and a requirements file is input anyone can write.
/// </summary>
public static class Pep508
{
    /// <summary>The parts, or null when the text is not a requirement of this shape.</summary>
    public static Pep508Parts? Split(string text)
    {
        var i = 0;
        if (i >= text.Length || !char.IsAsciiLetterOrDigit(text[i]))
        {
            return null;
        }

        while (i < text.Length && (char.IsAsciiLetterOrDigit(text[i]) || text[i] is '.' or '_' or '-'))
        {
            i++;
        }

        if (!char.IsAsciiLetterOrDigit(text[i - 1]))
        {
            return null; // a name ends with a letter or digit
        }

        var name = text[..i];
        i = SkipSpace(text, i);
        string? extras = null;
        if (i < text.Length && text[i] == '[')
        {
            var close = text.IndexOf(']', i + 1);
            if (close < 0)
            {
                return null;
            }

            extras = text[(i + 1)..close];
            i = SkipSpace(text, close + 1);
        }

        string? url = null;
        var specifier = string.Empty;
        if (i < text.Length && text[i] == '@')
        {
            i = SkipSpace(text, i + 1);
            var start = i;
            while (i < text.Length && text[i] != ';' && !char.IsWhiteSpace(text[i]))
            {
                i++;
            }

            if (i == start)
            {
                return null;
            }

            url = text[start..i];
            i = SkipSpace(text, i);
        }
        else
        {
            var end = text.IndexOf(';', i);
            end = end < 0 ? text.Length : end;
            specifier = text[i..end];
            if (specifier.Contains('@', StringComparison.Ordinal))
            {
                return null;
            }

            i = end;
        }

        string? markers = null;
        if (i < text.Length)
        {
            if (text[i] != ';')
            {
                return null;
            }

            markers = text[(i + 1)..].Trim();
            if (markers.Length == 0)
            {
                return null;
            }
        }

        return new Pep508Parts(name, extras, url, specifier, markers);
    }

    private static int SkipSpace(string text, int i)
    {
        while (i < text.Length && char.IsWhiteSpace(text[i]))
        {
            i++;
        }

        return i;
    }
}
