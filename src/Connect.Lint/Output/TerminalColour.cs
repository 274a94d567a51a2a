using System.Text.RegularExpressions;

namespace Connect.Lint.Output;

/// <summary>
/// Colour for the text formats on a terminal, as ruff does: the path bold, the severity in its colour, the rule code
/// bold. Applied by <see cref="SafeTextWriter"/> after a line was made safe, so the only escape sequences on a line
/// are these. On when stdout is a terminal; NO_COLOR (any value) turns it off, FORCE_COLOR (not "0") on, TERM=dumb off.
/// Only lines shaped like a diagnostic or the closing summary are touched: JSON, SARIF and the rest never match.
/// </summary>
public static partial class TerminalColour
{
    private const string Reset = "\u001b[0m";
    private const string Bold = "\u001b[1m";

    public static bool Enabled(bool isTerminal, Func<string, string?> environment)
    {
        if (!string.IsNullOrEmpty(environment("NO_COLOR")))
        {
            return false;
        }

        if (environment("FORCE_COLOR") is { Length: > 0 } force)
        {
            return force != "0";
        }

        return isTerminal && environment("TERM") != "dumb";
    }

    public static string Paint(string line)
    {
        if (DiagnosticLine().Match(line) is { Success: true } match)
        {
            var colour = match.Groups["severity"].Value switch
            {
                "error" => "\u001b[31m",
                "warning" => "\u001b[33m",
                _ => "\u001b[36m",
            };
            return $"{Bold}{match.Groups["path"].Value}{Reset}:{match.Groups["position"].Value}: {colour}{match.Groups["severity"].Value}{Reset} " +
                   $"{Bold}{colour}{match.Groups["code"].Value}{Reset} {line[match.Length..]}";
        }

        if (line.StartsWith("All checks passed", StringComparison.Ordinal))
        {
            return $"\u001b[32m{line}{Reset}";
        }

        return line.StartsWith("Found ", StringComparison.Ordinal) ? $"{Bold}{line}{Reset}" : line;
    }

    [GeneratedRegex(@"^(?<path>.+?):(?<position>\d+:\d+): (?<severity>error|warning|note) (?<code>CL\d{4}) ")]
    private static partial Regex DiagnosticLine();
}
