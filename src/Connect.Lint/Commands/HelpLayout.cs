using System.CommandLine;
using System.CommandLine.Help;

namespace Connect.Lint.Commands;

/// <summary>
/// --help as ruff's reads: at most 100 columns whatever the terminal (System.CommandLine would use its width, or
/// none when redirected), and a placeholder that says what a value is (PATH, CODES) instead of the option's own
/// name. Options with a few choices show them (&lt;error|note|warning&gt;); longer lists go into the description.
/// </summary>
public static class HelpLayout
{
    public const int Width = 100;

    /// <summary>Choices longer than this are listed in the description rather than in the placeholder.</summary>
    private const int InlineChoicesWidth = 24;

    private static readonly Dictionary<string, string> Placeholders = new(StringComparer.Ordinal)
    {
        ["--python"] = "PATH", ["--python-host"] = "HOST", ["--import-timeout"] = "SECONDS", ["--install-timeout"] = "SECONDS",
        ["--rev"] = "REV", ["--select"] = "CODES", ["--extend-select"] = "CODES", ["--ignore"] = "CODES", ["--exclude"] = "GLOB",
        ["--output-format"] = "FORMAT", ["--output"] = "FILE", ["--config"] = "FILE", ["--cache-dir"] = "DIR",
        ["--entrypoint"] = "MODULE:OBJECT", ["--requirements-file"] = "FILE", ["--image"] = "IMAGE", ["--override-python-version"] = "VERSION",
    };

    public static void Apply(RootCommand root)
    {
        foreach (var help in root.Options.OfType<HelpOption>())
        {
            if (help.Action is HelpAction action)
            {
                action.MaxWidth = Width;
            }
        }

        Name(root);
    }

    private static void Name(Command command)
    {
        foreach (var option in command.Options)
        {
            if (option.HelpName is not null || option.ValueType == typeof(bool) || option is HelpOption or VersionOption)
            {
                continue;
            }

            var choices = option.GetCompletions(System.CommandLine.Completions.CompletionContext.Empty).Select(c => c.Label).ToList();
            var shownInline = choices.Count > 0 && string.Join("|", choices).Length <= InlineChoicesWidth;
            if (shownInline)
            {
                continue; // System.CommandLine prints them: <error|note|warning>
            }

            if (choices.Count > 0)
            {
                option.Description = $"{option.Description} One of: {string.Join(", ", choices)}.";
            }

            option.HelpName = Placeholders.GetValueOrDefault(option.Name) ?? option.Name.TrimStart('-').ToUpperInvariant();
        }

        foreach (var argument in command.Arguments)
        {
            argument.HelpName ??= argument.Name;
        }

        foreach (var subcommand in command.Subcommands)
        {
            Name(subcommand);
        }
    }
}
