using System.Text.RegularExpressions;
using Connect.Lint.Rules.Model;
using Connect.Lint.Rules.Model.Manifest;

namespace Connect.Lint.Loading;

/// <summary>Where environment.python.requires comes from: .python-version, pyproject.toml, setup.cfg (rsconnect's order).</summary>
public static partial class PythonRequiresSource
{
    /// <summary>The adapted requirement and the file it came from; nulls when no file says; a problem when one is unusable.</summary>
    public static PythonRequiresDeclaration Find(string directory)
    {
        foreach (var (name, read) in new (string, Func<string, string?>)[]
                 {
                     (".python-version", text => text.Trim()),
                     ("pyproject.toml", ReadPyproject),
                     ("setup.cfg", ReadSetupCfg),
                 })
        {
            var path = Path.Combine(directory, name);
            if (!FileKinds.IsRegularFile(path))
            {
                continue;
            }

            var raw = read(File.ReadAllText(path));
            if (string.IsNullOrWhiteSpace(raw))
            {
                continue;
            }

            var adapted = PythonRequires.Adapt(raw, out var problem);
            return new PythonRequiresDeclaration(adapted, name, problem is null ? null : $"{name}: {problem}");
        }

        return PythonRequiresDeclaration.None;
    }

    /// <summary>[project] requires-python; a small reader, enough for the one string it needs.</summary>
    private static string? ReadPyproject(string text) => ReadKey(text, "project", "requires-python");

    private static string? ReadSetupCfg(string text) => ReadKey(text, "options", "python_requires");

    private static string? ReadKey(string text, string section, string key)
    {
        var inSection = false;
        foreach (var rawLine in text.Split('\n'))
        {
            var line = rawLine.Trim();
            if (line.StartsWith('['))
            {
                inSection = line.TrimEnd() == $"[{section}]";
                continue;
            }

            if (!inSection)
            {
                continue;
            }

            var match = KeyValue().Match(line);
            if (match.Success && match.Groups["key"].Value == key)
            {
                return match.Groups["value"].Value.Trim().Trim('"', '\'');
            }
        }

        return null;
    }

    [GeneratedRegex(@"^(?<key>[A-Za-z0-9_.-]+)\s*[=:]\s*(?<value>[^#]*)")]
    private static partial Regex KeyValue();
}
