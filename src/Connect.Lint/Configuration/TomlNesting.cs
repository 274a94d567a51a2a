namespace Connect.Lint.Configuration;

/// <summary>
/// Where a TOML text first nests arrays and inline tables deeper than a limit, found in one pass (strings and
/// comments skipped), so that a pathological pyproject.toml gets an error with its position rather than an
/// exception from the parser.
/// </summary>
public static class TomlNesting
{
    public static (int Line, int Column)? FirstTooDeep(string text, int limit)
    {
        var depth = 0;
        var line = 1;
        var lineStart = 0;
        var atLineStart = true;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            switch (c)
            {
                case '\n':
                    line++;
                    lineStart = i + 1;
                    atLineStart = true;
                    continue;
                case '"' or '\'':
                    i = EndOfString(text, i, ref line, ref lineStart);
                    break;
                case '#':
                case '[' when atLineStart && depth == 0: // a comment, or a table header ("[a]", "[[a]]"): not a value
                    while (i + 1 < text.Length && text[i + 1] != '\n')
                    {
                        i++;
                    }

                    break;
                case '[' or '{':
                    if (++depth > limit)
                    {
                        return (line, i - lineStart + 1);
                    }

                    break;
                case ']' or '}':
                    depth = Math.Max(0, depth - 1);
                    break;
            }

            atLineStart &= char.IsWhiteSpace(c);
        }

        return null;
    }

    /// <summary>The index of the quote that closes the string opening at <paramref name="start"/> (or the end of its line for a broken one).</summary>
    private static int EndOfString(string text, int start, ref int line, ref int lineStart)
    {
        var quote = text[start];
        var triple = start + 2 < text.Length && text[start + 1] == quote && text[start + 2] == quote;
        var i = start + (triple ? 3 : 1);
        for (; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '\\' && quote == '"')
            {
                i++;
            }
            else if (c == '\n')
            {
                if (!triple)
                {
                    return i - 1; // a single-line string cannot span lines: the parser reports it
                }

                line++;
                lineStart = i + 1;
            }
            else if (c == quote && (!triple || (i + 2 < text.Length && text[i + 1] == quote && text[i + 2] == quote)))
            {
                return triple ? i + 2 : i;
            }
        }

        return text.Length;
    }
}
