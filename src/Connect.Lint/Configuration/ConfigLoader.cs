using System.Text.RegularExpressions;
using Connect.Lint.Rules;
using Connect.Lint.Rules.Analysis;
using Tomlyn.Parsing;
using Tomlyn.Syntax;

namespace Connect.Lint.Configuration;

/// <summary>Finds and reads <c>[tool.connect-lint]</c>; every bad value is an error naming file, line and key.</summary>
public static partial class ConfigLoader
{
    private const string Section = "tool.connect-lint";

    /// <summary>A pyproject.toml is kilobytes; a larger one is refused, not parsed.</summary>
    private const long MaxBytes = 4 * 1024 * 1024;

    /// <summary>Tomlyn's own limit (it throws past it, without a position): deeper values are reported with theirs.</summary>
    private const int MaxNesting = 60;

    /// <summary>The keys of [tool.connect-lint]; schemas/connect-lint.json describes the same ones (a test holds them together).</summary>
    public static IReadOnlyCollection<string> Keys => KnownKeys;

    private static readonly HashSet<string> KnownKeys = new(StringComparer.Ordinal)
    {
        "select", "ignore", "per-file-ignores", "exclude", "python", "server-python-versions", "severity", "rehearse", "import-timeout", "vars", "branch",
    };

    /// <summary>The config that applies to a directory: the nearest pyproject.toml above it that has the section.</summary>
    public static ProjectConfig ForDirectory(string directory)
    {
        for (var current = new DirectoryInfo(directory); current is not null; current = current.Parent)
        {
            var candidate = Path.Combine(current.FullName, "pyproject.toml");
            if (Loading.FileKinds.IsRegularFile(candidate) && Load(candidate) is { } config)
            {
                return config;
            }
        }

        return ProjectConfig.None;
    }

    /// <summary>--config FILE: that file's [tool.connect-lint] (any file name), which must have one.</summary>
    public static ProjectConfig Named(string path) =>
        Load(StartDirectory.FullPathOf(path)) ?? throw new ConfigException(path, 1, 1, "(file)", "has no [tool.connect-lint] table (--config names a TOML file that has one)");

    /// <summary>The config in one file, or null when it has no [tool.connect-lint].</summary>
    public static ProjectConfig? Load(string path)
    {
        var read = new Loading.FileAccessPolicy(Path.GetDirectoryName(StartDirectory.FullPathOf(path))!).Read(path, MaxBytes);
        if (read.Bytes is not { } bytes)
        {
            throw new ConfigException(path, 1, 1, "(file)", $"not read: {read.Refusal?.Reason ?? "it does not exist"}");
        }

        var text = System.Text.Encoding.UTF8.GetString(bytes);
        if (!text.Contains("connect-lint", StringComparison.Ordinal))
        {
            return null;
        }

        if (TomlNesting.FirstTooDeep(text, MaxNesting) is { } deep)
        {
            throw new ConfigException(path, deep.Line, deep.Column, "(file)", $"values are nested more than {MaxNesting} levels deep");
        }

        DocumentSyntax document;
        try
        {
            document = SyntaxParser.Parse(text, path, true);
        }
        catch (Tomlyn.TomlException e)
        {
            throw new ConfigException(path, e.Line ?? 1, e.Column ?? 1, "(file)", $"not valid TOML: {e.Message}");
        }

        if (document.Diagnostics.HasErrors)
        {
            var first = document.Diagnostics.First(d => d.Kind == DiagnosticMessageKind.Error);
            throw new ConfigException(path, first.Span.Start.Line + 1, first.Span.Start.Column + 1, "(file)", $"not valid TOML: {first.Message}");
        }

        var values = new List<(string Key, KeyValueSyntax Node)>();
        var found = false;
        foreach (var table in document.Tables)
        {
            var name = KeyName(table.Name);
            if (name == Section || name.StartsWith(Section + ".", StringComparison.Ordinal))
            {
                found = true;
                var prefix = name == Section ? string.Empty : name[(Section.Length + 1)..] + ".";
                foreach (var item in table.Items)
                {
                    values.Add((prefix + KeyName(item.Key), item));
                }
            }
        }

        if (!found)
        {
            return null;
        }

        var config = new ProjectConfig { FilePath = path };
        foreach (var (key, node) in values)
        {
            config = Apply(config, path, key, node);
        }

        return config;
    }

    private static ProjectConfig Apply(ProjectConfig config, string path, string key, KeyValueSyntax node)
    {
        var top = key.Split('.')[0];
        if (!KnownKeys.Contains(top))
        {
            throw Error(path, node, key, $"unknown key (known: {string.Join(", ", KnownKeys.Order())})");
        }

        switch (top)
        {
            case "select":
                return config with { Select = Codes(path, node, key) };
            case "ignore":
                return config with { Ignore = Codes(path, node, key) };
            case "exclude":
                return config with { Exclude = Strings(path, node, key) };
            case "python":
                return config with { Python = String(path, node, key) };
            case "server-python-versions":
                var versions = Strings(path, node, key);
                foreach (var version in versions.Where(v => !MajorMinor().IsMatch(v)))
                {
                    throw Error(path, node, key, $"'{version}' is not a MAJOR.MINOR version such as \"3.11\"");
                }

                return config with { ServerPythonVersions = versions };
            case "vars":
                var names = Strings(path, node, key);
                foreach (var name in names.Where(n => !VariableName().IsMatch(n)))
                {
                    var shown = name.Contains('=', StringComparison.Ordinal) ? name[..name.IndexOf('=', StringComparison.Ordinal)] + "=…" : name; // a value is never echoed
                    throw Error(path, node, key, $"'{shown}' is not an environment variable name (letters, digits and _, not starting with a digit); vars names the Vars Connect sets, never their values");
                }

                return config with { Vars = names };
            case "branch":
                var branch = String(path, node, key);
                if (branch.Trim().Length == 0 || branch.StartsWith('-') || branch.Any(c => char.IsControl(c) || char.IsWhiteSpace(c)))
                {
                    throw Error(path, node, key, "is not a branch name (the branch Connect tracks, such as \"main\")");
                }

                return config with { Branch = branch };
            case "rehearse":
                var word = node.Value switch
                {
                    BooleanValueSyntax flag => flag.Value ? "full" : "off",
                    StringValueSyntax text when text.Value is "import" or "full" => text.Value,
                    _ => null,
                };
                return word is null
                    ? throw Error(path, node, key, "must be true, false, \"import\" (no requests to the routes) or \"full\"")
                    : config with { Rehearse = Rehearsal.RehearsalModes.Parse(word) };
            case "import-timeout":
                var seconds = node.Value switch
                {
                    IntegerValueSyntax whole => (double?)whole.Value,
                    FloatValueSyntax real => real.Value,
                    _ => null,
                };
                return seconds is null
                    ? throw Error(path, node, key, "must be a number of seconds")
                    : Settings.SettingsResolver.ImportTimeoutProblem(seconds.Value) is { } problem
                        ? throw Error(path, node, key, problem)
                        : config with { ImportTimeoutSeconds = seconds };
            case "per-file-ignores":
                if (key == "per-file-ignores" && node.Value is InlineTableSyntax inline)
                {
                    return config with { PerFileIgnores = [.. config.PerFileIgnores, .. inline.Items.Select(i => i.KeyValue!).Select(i => (KeyName(i.Key), Codes(path, i, key)))] };
                }

                if (key.Length > top.Length)
                {
                    return config with { PerFileIgnores = [.. config.PerFileIgnores, (key[(top.Length + 1)..].Trim('"'), Codes(path, node, key))] };
                }

                throw Error(path, node, key, "must be a table of glob = [codes]");
            default: // severity
                if (key == "severity" && node.Value is InlineTableSyntax levels)
                {
                    return levels.Items.Select(i => i.KeyValue!).Aggregate(config, (c, item) => WithSeverity(c, path, item, "severity." + KeyName(item.Key)));
                }

                return WithSeverity(config, path, node, key);
        }
    }

    private static ProjectConfig WithSeverity(ProjectConfig config, string path, KeyValueSyntax node, string key)
    {
        var code = key[(key.IndexOf('.') + 1)..].ToUpperInvariant();
        if (RuleCatalog.Find(code) is null)
        {
            throw Error(path, node, key, $"no rule {code}");
        }

        var value = String(path, node, key);
        if (!SeverityNames.TryParse(value, out var severity))
        {
            throw Error(path, node, key, $"'{value}' is not error, warning or note");
        }

        return config with { Severity = new Dictionary<string, Severity>(config.Severity) { [code] = severity } };
    }

    private static IReadOnlyList<string> Codes(string path, KeyValueSyntax node, string key)
    {
        var codes = Strings(path, node, key).Select(c => c.ToUpperInvariant()).ToList();
        var ids = RuleCatalog.All.Select(r => r.Descriptor.Id).ToList();
        foreach (var code in codes.Where(c => c != "ALL" && !ids.Any(id => id.StartsWith(c, StringComparison.Ordinal))))
        {
            throw Error(path, node, key, $"'{code}' selects no rule");
        }

        return codes;
    }

    private static IReadOnlyList<string> Strings(string path, KeyValueSyntax node, string key) => node.Value switch
    {
        ArraySyntax array => array.Items.Select(item => item.Value is StringValueSyntax s ? s.Value! : throw Error(path, node, key, "must be a list of strings")).ToList(),
        StringValueSyntax single => [single.Value!],
        _ => throw Error(path, node, key, "must be a list of strings"),
    };

    private static string String(string path, KeyValueSyntax node, string key) =>
        node.Value is StringValueSyntax s ? s.Value! : throw Error(path, node, key, "must be a string");

    private static ConfigException Error(string path, SyntaxNode node, string key, string message) =>
        new(path, node.Span.Start.Line + 1, node.Span.Start.Column + 1, key, message);

    /// <summary>A TOML key as written, without quotes or spaces (tool."connect-lint" is tool.connect-lint).</summary>
    public static string KeyName(KeySyntax? key) => key?.ToString().Trim().Replace("\"", string.Empty, StringComparison.Ordinal).Replace(" ", string.Empty, StringComparison.Ordinal) ?? string.Empty;

    [GeneratedRegex(@"^\d+\.\d+$")]
    private static partial Regex MajorMinor();

    [GeneratedRegex(@"^[A-Za-z_][A-Za-z0-9_]*$")]
    private static partial Regex VariableName();
}
