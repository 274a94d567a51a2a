using System.Text.RegularExpressions;

namespace Connect.Lint.Rules.Model.Text;

/// <summary>
/// One line of Python code as a line-based look sees it: where its code is in the file's text (comment and line
/// end left out), and whether it sits under <c>if __name__ == "__main__":</c>. It holds offsets, not a copy: a
/// rule tests the span first (no allocation) and takes the line as a string only for a line that matches.
/// </summary>
/// <param name="Offset">Where the line starts in the file's text.</param>
/// <param name="Length">How long its code is (up to a comment).</param>
public readonly record struct PythonCodeLine(int Number, int Offset, int Length, bool UnderMainGuard)
{
    public ReadOnlySpan<char> SpanIn(string text) => text.AsSpan(Offset, Length);

    public string CodeIn(string text) => text.Substring(Offset, Length);
}

/// <summary>
/// A tokenizer-free reading of Python source line by line, shared by the rules that look at code without running
/// it. Code under the main guard never runs on Connect (it imports the module), so rules may skip it.
/// </summary>
public static partial class PythonCodeLines
{
    public static IEnumerable<PythonCodeLine> Of(string text)
    {
        var guardIndent = -1;
        var number = 0;
        for (var start = 0; start <= text.Length;)
        {
            number++;
            var newline = text.IndexOf('\n', start);
            var end = newline < 0 ? text.Length : newline;
            var length = CodeLength(text.AsSpan(start, end - start));
            var code = text.AsSpan(start, length);
            var indent = code.Length - code.TrimStart().Length;
            if (indent < code.Length)
            {
                if (guardIndent >= 0 && indent <= guardIndent)
                {
                    guardIndent = -1;
                }

                if (MainGuard().IsMatch(code))
                {
                    guardIndent = indent;
                }
                else
                {
                    yield return new PythonCodeLine(number, start, length, guardIndent >= 0);
                }
            }

            if (newline < 0)
            {
                break;
            }

            start = newline + 1;
        }
    }

    /// <summary>The length of the line's code: without '\r', and without a comment (a '#' after an odd number of quotes is inside a string).</summary>
    private static int CodeLength(ReadOnlySpan<char> line)
    {
        if (line.EndsWith("\r"))
        {
            line = line[..^1];
        }

        var hash = line.IndexOf('#');
        if (hash < 0)
        {
            return line.Length;
        }

        var quotes = 0;
        foreach (var c in line[..hash])
        {
            if (c is '"' or '\'')
            {
                quotes++;
            }
        }

        return quotes % 2 == 1 ? line.Length : hash;
    }

    [GeneratedRegex(@"^\s*if\s+__name__\s*==\s*['""]__main__['""]\s*:")]
    private static partial Regex MainGuard();
}
