using System.CommandLine;
using System.CommandLine.Parsing;
using System.Text.RegularExpressions;

namespace Connect.Lint.Commands;

/// <summary>
/// What was wrong with a command line, one line per problem, as ruff users expect: an unknown option is an error
/// (never taken for a path), and a near miss names what was probably meant.
/// </summary>
public static partial class UsageErrors
{
    public static IReadOnlyList<string> Of(ParseResult parsed)
    {
        var command = parsed.CommandResult.Command;
        var problems = parsed.Errors.Select(error => Describe(error, command)).Distinct().ToList();
        if (problems.Any(p => p.StartsWith("unknown command", StringComparison.Ordinal)))
        {
            problems.RemoveAll(p => p.StartsWith("Required command", StringComparison.Ordinal)); // said better by the line that names the typo
        }

        if (problems.Count == 0)
        {
            var afterDoubleDash = parsed.Tokens.SkipWhile(t => t.Type != TokenType.DoubleDash).Skip(1).ToHashSet();
            problems.AddRange(OptionsTakenForArguments(parsed.CommandResult, afterDoubleDash));
        }

        return problems;
    }

    private static string Describe(ParseError error, Command command)
    {
        if (UnrecognizedToken().Match(error.Message) is { Success: true } unrecognized)
        {
            return Unknown(unrecognized.Groups[1].Value, command);
        }

        if (NotOneOf().Match(error.Message) is { Success: true } notOneOf)
        {
            var allowed = Quoted().Matches(notOneOf.Groups[2].Value).Select(m => m.Groups[1].Value).ToList();
            var given = notOneOf.Groups[1].Value;
            var name = error.SymbolResult is OptionResult option ? option.IdentifierToken?.Value ?? option.Option.Name : command.Name;
            return $"{name}: '{given}' is not one of {string.Join(", ", allowed)}" + Suggestion(given, allowed);
        }

        return OneLine(error.Message.TrimEnd('.'));
    }

    /// <summary>A PATH or DIR that starts with '-' and names no file is a mistyped option, not a path (unless it came after '--').</summary>
    private static IEnumerable<string> OptionsTakenForArguments(CommandResult result, HashSet<Token> afterDoubleDash)
    {
        foreach (var argument in result.Children.OfType<ArgumentResult>())
        {
            foreach (var token in argument.Tokens.Where(t => !afterDoubleDash.Contains(t)))
            {
                var value = token.Value;
                if (value.Length > 1 && value[0] == '-' && !File.Exists(value) && !Directory.Exists(value))
                {
                    yield return Unknown(value, result.Command);
                }
            }
        }
    }

    private static string Unknown(string token, Command command)
    {
        var name = token.Split('=', 2)[0];
        if (name.StartsWith('-'))
        {
            var options = command.Options.SelectMany(o => o.Aliases.Prepend(o.Name))
                .Concat(command.Parents.OfType<Command>().SelectMany(p => p.Options.Where(o => o.Recursive)).SelectMany(o => o.Aliases.Prepend(o.Name)));
            var suggestion = Suggestion(name, options);
            var elsewhere = command.Parents.OfType<Command>().SelectMany(p => p.Subcommands)
                .FirstOrDefault(c => c != command && c.Options.Any(o => o.Name == name || o.Aliases.Contains(name)));
            return $"unknown option '{name}' for '{CommandPath(command)}'" +
                   (suggestion.Length == 0 && elsewhere is not null ? $"; it is an option of '{CommandPath(elsewhere)}'" : suggestion);
        }

        return command.Subcommands.Count > 0
            ? $"unknown command '{name}'" + Suggestion(name, command.Subcommands.Select(c => c.Name))
            : $"unexpected argument '{name}' for '{CommandPath(command)}'";
    }

    private static string CommandPath(Command command) =>
        command.Parents.OfType<Command>().FirstOrDefault() is { } parent ? $"{CommandPath(parent)} {command.Name}" : "connect-lint";

    /// <summary>"; did you mean 'x'?" for the closest candidate (a prefix of it, or a few edits away), else nothing.</summary>
    public static string Suggestion(string given, IEnumerable<string> candidates)
    {
        if (given.TrimStart('-').Length < 2)
        {
            return string.Empty; // one letter is a few edits from every other one-letter option: no useful guess
        }

        var distinct = candidates.Distinct(StringComparer.Ordinal).ToList();
        var prefixed = distinct.Where(c => given.Length >= 3 && c.StartsWith(given, StringComparison.Ordinal)).ToList();
        if (prefixed.Count == 1)
        {
            return $"; did you mean '{prefixed[0]}'?";
        }

        var closest = distinct.Select(c => (Candidate: c, Distance: EditDistance(given, c)))
            .Where(c => c.Distance <= Math.Max(2, given.TrimStart('-').Length / 3))
            .OrderBy(c => c.Distance).ThenBy(c => c.Candidate, StringComparer.Ordinal)
            .FirstOrDefault();
        return closest.Candidate is null ? string.Empty : $"; did you mean '{closest.Candidate}'?";
    }

    /// <summary>Edits (insert, delete, substitute, swap two neighbours) that turn one string into the other.</summary>
    private static int EditDistance(string a, string b)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++)
        {
            d[i, 0] = i;
        }

        for (var j = 0; j <= b.Length; j++)
        {
            d[0, j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
                }
            }
        }

        return d[a.Length, b.Length];
    }

    private static string OneLine(string message) => Whitespace().Replace(message, " ").Trim();

    [GeneratedRegex(@"^Unrecognized command or argument '(.*)'\.?$", RegexOptions.Singleline)]
    private static partial Regex UnrecognizedToken();

    [GeneratedRegex(@"^Argument '(.*)' not recognized\. Must be one of:(.*)$", RegexOptions.Singleline)]
    private static partial Regex NotOneOf();

    [GeneratedRegex(@"'([^']*)'")]
    private static partial Regex Quoted();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
