using System.Text.RegularExpressions;

namespace Connect.Lint.Rules.Model.Text;

/// <summary>One line of Python code as a line-based look sees it: its comment stripped, and whether it sits under <c>if __name__ == "__main__":</c>.</summary>
/// <param name="Offset">Where the line starts in the file's text.</param>
public readonly record struct PythonCodeLine(int Number, int Offset, string Code, bool UnderMainGuard);

/// <summary>
/// A tokenizer-free reading of Python source line by line, shared by the rules that look at code without running
/// it. Code under the main guard never runs on Connect (it imports the module), so rules may skip it.
/// </summary>
public static partial class PythonCodeLines
{
    public static IEnumerable<PythonCodeLine> Of(string text)
    {
        var guardIndent = -1;
        var offset = 0;
        var number = 0;
        foreach (var raw in text.Split('\n'))
        {
            number++;
            var start = offset;
            offset += raw.Length + 1;
            var code = StripComment(raw.TrimEnd('\r'));
            if (code.Trim().Length == 0)
            {
                continue;
            }

            var indent = code.Length - code.TrimStart().Length;
            if (guardIndent >= 0 && indent <= guardIndent)
            {
                guardIndent = -1;
            }

            if (MainGuard().IsMatch(code))
            {
                guardIndent = indent;
                continue;
            }

            yield return new PythonCodeLine(number, start, code, guardIndent >= 0);
        }
    }

    /// <summary>The line without its comment; a '#' after an odd number of quotes is inside a string and kept.</summary>
    private static string StripComment(string line)
    {
        var hash = line.IndexOf('#');
        return hash < 0 || line[..hash].Count(c => c is '"' or '\'') % 2 == 1 ? line : line[..hash];
    }

    [GeneratedRegex(@"^\s*if\s+__name__\s*==\s*['""]__main__['""]\s*:")]
    private static partial Regex MainGuard();
}
