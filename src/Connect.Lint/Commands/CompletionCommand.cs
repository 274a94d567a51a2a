using System.CommandLine;
using System.Text;

namespace Connect.Lint.Commands;

/// <summary>
/// <c>connect-lint completion bash|zsh|fish</c>: a completion script made from the command tree itself, so it never
/// lists an option that does not exist (ruff's <c>generate-shell-completion</c>). Values complete too: formats and
/// other choices, rule codes after --select/--ignore/--extend-select (after the last comma in bash, so a
/// list goes on after "CODE,") and as explain's argument.
/// </summary>
public static class CompletionCommand
{
    public static readonly string[] Shells = ["bash", "zsh", "fish"];

    public static string Render(RootCommand root, string shell) => shell switch
    {
        "fish" => Fish(root),
        "zsh" => "autoload -U +X bashcompinit && bashcompinit\n" + Bash(root),
        _ => Bash(root),
    };

    /// <summary>The options whose value is a comma-separated list of rule codes or prefixes.</summary>
    private static readonly HashSet<string> RuleCodeOptions = new(StringComparer.Ordinal) { "--select", "--ignore", "--extend-select" };

    /// <summary>Every rule code, and ALL.</summary>
    public static IEnumerable<string> RuleCodes() => Rules.RuleCatalog.All.Select(r => r.Descriptor.Id).Order(StringComparer.Ordinal).Append("ALL");

    private static IEnumerable<string> OptionNames(Command command) =>
        command.Options.Where(o => !o.Hidden).SelectMany(o => o.Aliases.Prepend(o.Name)).Where(n => n.StartsWith('-')).Distinct();

    private static IEnumerable<string> AllowedValues(Option option) =>
        RuleCodeOptions.Contains(option.Name) ? RuleCodes()
        : option is Option<bool> || option.CompletionSources.Count == 0 ? []
        : option.GetCompletions(System.CommandLine.Completions.CompletionContext.Empty).Select(c => c.Label);

    /// <summary>What a command's arguments can be, when they are choices (explain's rule code, completion's shell); empty: files.</summary>
    private static List<string> ArgumentValues(Command command) =>
        command.Arguments.SelectMany(a => a.GetCompletions(System.CommandLine.Completions.CompletionContext.Empty)).Select(c => c.Label).ToList();

    private static string Bash(RootCommand root)
    {
        var builder = new StringBuilder();
        builder.Append("# connect-lint completion for bash: eval \"$(connect-lint completion bash)\"\n");
        builder.Append("_connect_lint() {\n");
        builder.Append("  local current=${COMP_WORDS[COMP_CWORD]} previous=${COMP_WORDS[COMP_CWORD-1]} command=${COMP_WORDS[1]}\n");
        builder.Append($"  if [ \"$COMP_CWORD\" -eq 1 ]; then COMPREPLY=($(compgen -W \"{string.Join(' ', root.Subcommands.Select(c => c.Name))} --help --version\" -- \"$current\")); return; fi\n");
        builder.Append("  case \"$command $previous\" in\n");
        foreach (var command in root.Subcommands)
        {
            foreach (var option in command.Options.Where(o => AllowedValues(o).Any()))
            {
                foreach (var name in option.Aliases.Prepend(option.Name))
                {
                    var values = string.Join(' ', AllowedValues(option));
                    builder.Append(RuleCodeOptions.Contains(option.Name)
                        ? $"    \"{command.Name} {name}\") local head=\"\"; [[ $current == *,* ]] && head=\"${{current%,*}},\"; COMPREPLY=($(compgen -P \"$head\" -W \"{values}\" -- \"${{current##*,}}\")); return;;\n"
                        : $"    \"{command.Name} {name}\") COMPREPLY=($(compgen -W \"{values}\" -- \"$current\")); return;;\n");
                }
            }
        }

        builder.Append("  esac\n");
        builder.Append("  case \"$command\" in\n");
        foreach (var command in root.Subcommands)
        {
            builder.Append($"    {command.Name}) COMPREPLY=($(compgen -W \"{string.Join(' ', OptionNames(command))}\" -- \"$current\"));");
            builder.Append(ArgumentValues(command) is { Count: > 0 } values
                ? $" [ \"${{current#-}}\" = \"$current\" ] && COMPREPLY+=($(compgen -W \"{string.Join(' ', values)}\" -- \"$current\"));;\n"
                : " [ \"${current#-}\" = \"$current\" ] && COMPREPLY+=($(compgen -f -- \"$current\"));;\n");
        }

        builder.Append("  esac\n}\ncomplete -o filenames -F _connect_lint connect-lint\n");
        return builder.ToString();
    }

    private static string Fish(RootCommand root)
    {
        var builder = new StringBuilder();
        builder.Append("# connect-lint completion for fish: connect-lint completion fish > ~/.config/fish/completions/connect-lint.fish\n");
        foreach (var command in root.Subcommands)
        {
            builder.Append($"complete -c connect-lint -n __fish_use_subcommand -a {command.Name} -d {Quote(command.Description)}\n");
            if (ArgumentValues(command) is { Count: > 0 } choices)
            {
                builder.Append($"complete -c connect-lint -n '__fish_seen_subcommand_from {command.Name}' -x -a {Quote(string.Join(' ', choices))}\n");
            }

            foreach (var option in command.Options.Where(o => !o.Hidden))
            {
                var names = option.Aliases.Prepend(option.Name).Where(n => n.StartsWith('-')).ToList();
                var flags = string.Concat(names.Select(n => n.StartsWith("--", StringComparison.Ordinal) ? $" -l {n[2..]}" : $" -s {n[1..]}"));
                var values = AllowedValues(option).ToList();
                var arguments = values.Count > 0 ? $" -x -a {Quote(string.Join(' ', values))}" : string.Empty;
                builder.Append($"complete -c connect-lint -n '__fish_seen_subcommand_from {command.Name}'{flags}{arguments} -d {Quote(option.Description)}\n");
            }
        }

        return builder.ToString();
    }

    private static string Quote(string? text)
    {
        var firstSentence = (text ?? string.Empty).Split(". ", 2)[0].TrimEnd('.');
        return "'" + firstSentence.Replace("'", "\\'", StringComparison.Ordinal) + "'";
    }
}
