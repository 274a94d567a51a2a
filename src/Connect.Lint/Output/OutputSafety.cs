using System.Globalization;
using System.Text;

namespace Connect.Lint.Output;

/// <summary>
/// The last step of every byte the tool prints or writes as a report: secrets redacted, and no control,
/// bidirectional-override or invisible formatting character left raw (each becomes a visible <c>\uXXXX</c>, which
/// is also a valid escape inside a JSON string), so no input can forge, hide or recolour a line. Line breaks are
/// the caller's: <see cref="Line"/> sees one line at a time.
/// </summary>
public sealed class OutputSafety
{
    /// <summary>True while inside a multi-line private key whose BEGIN line was seen and END line not yet.</summary>
    private bool _insidePrivateKey;

    private readonly bool _freeText;

    /// <param name="freeText">
    /// True for prose (stderr: notices, errors), where the whole line is one value and is redacted as a field is;
    /// false for formatted output (reports on stdout or in a file), whose fields were redacted before formatting and
    /// whose syntax (<c>::</c>, <c>:line:col:</c>) a name-and-separator pattern must not touch.
    /// </param>
    public OutputSafety(bool freeText = false)
    {
        _freeText = freeText;
    }

    /// <summary>A whole text (a report file): each line made safe.</summary>
    public static string Text(string text)
    {
        var safety = new OutputSafety();
        var builder = new StringBuilder(text.Length);
        var start = 0;
        while (start <= text.Length)
        {
            var end = text.IndexOf('\n', start);
            if (end < 0)
            {
                builder.Append(safety.Line(text[start..]));
                break;
            }

            builder.Append(safety.Line(text[start..end])).Append('\n');
            start = end + 1;
        }

        return builder.ToString();
    }

    /// <summary>One line without its '\n'; a CR that ends it (a CRLF file shown in a diff) stays.</summary>
    public string Line(string line)
    {
        var crlf = line.EndsWith('\r');
        var body = crlf ? line[..^1] : line;
        if (_insidePrivateKey)
        {
            _insidePrivateKey = !body.Contains("PRIVATE KEY", StringComparison.Ordinal) || !body.Contains("-----END", StringComparison.Ordinal);
            return Redaction.Mask + (crlf ? "\r" : string.Empty);
        }

        if (Rules.Model.SecretPatterns.PrivateKeyBlock().IsMatch(body) && !body.Contains("-----END", StringComparison.Ordinal))
        {
            _insidePrivateKey = true;
        }

        var redacted = _freeText ? Redaction.Redact(body) : Redaction.RedactSecretsOnly(body);
        return Escape(redacted, keepLineBreaks: true) + (crlf ? "\r" : string.Empty);
    }

    /// <summary>
    /// A value put into a one-line output (a message, a file name): line breaks and every control or invisible
    /// formatting character escaped. With <paramref name="keepLineBreaks"/>, '\n' stays (a caller splitting lines).
    /// </summary>
    public static string Escape(string value, bool keepLineBreaks = false)
    {
        var index = 0;
        while (index < value.Length && !NeedsEscape(value, index, keepLineBreaks))
        {
            index++;
        }

        if (index == value.Length)
        {
            return value;
        }

        var builder = new StringBuilder(value.Length + 16);
        builder.Append(value, 0, index);
        for (; index < value.Length; index++)
        {
            var c = value[index];
            if (!NeedsEscape(value, index, keepLineBreaks))
            {
                builder.Append(c);
            }
            else if (c == '\n')
            {
                builder.Append("\\n");
            }
            else if (c == '\r')
            {
                builder.Append("\\r");
            }
            else
            {
                builder.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
            }
        }

        return builder.ToString();
    }

    private static bool NeedsEscape(string value, int index, bool keepLineBreaks)
    {
        var c = value[index];
        if (c == '\t' || (c == '\n' && keepLineBreaks))
        {
            return false;
        }

        if (char.IsHighSurrogate(c))
        {
            return index + 1 >= value.Length || !char.IsLowSurrogate(value[index + 1]);
        }

        if (char.IsLowSurrogate(c))
        {
            return index == 0 || !char.IsHighSurrogate(value[index - 1]);
        }

        // U+FFFE and U+FFFF are no characters at all: XML 1.0 forbids them, and a JUnit report holding one does not parse.
        return c is '\uFFFE' or '\uFFFF' || char.GetUnicodeCategory(c) is UnicodeCategory.Control or UnicodeCategory.Format or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator;
    }
}
