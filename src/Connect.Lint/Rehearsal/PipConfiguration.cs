using System.Text;
using System.Text.RegularExpressions;

namespace Connect.Lint.Rehearsal;

/// <summary>
/// This machine's pip configuration (PIP_* variables and the pip.conf files pip reads): it decides which index pip
/// asks, so it is part of every cache key of what pip resolved or installed, and it tells whether pip was kept off
/// the default index (no-index) — something Connect's own pip does not share.
/// </summary>
public static partial class PipConfiguration
{
    /// <summary>The configuration as text for a cache key: every PIP_* variable and every pip.conf pip would read, in a fixed order.</summary>
    public static string Fingerprint()
    {
        var text = new StringBuilder();
        foreach (var (name, value) in Variables())
        {
            text.Append("env\0").Append(name).Append('\0').Append(value).Append('\n');
        }

        foreach (var configuration in Files().Where(File.Exists))
        {
            text.Append("pip.conf\0").Append(configuration).Append('\0').Append(Read(configuration)).Append('\n');
        }

        return text.ToString();
    }

    /// <summary>True when this machine's configuration keeps pip off every index (PIP_NO_INDEX, no-index in a pip.conf).</summary>
    public static bool NoIndex()
    {
        if (Environment.GetEnvironmentVariable("PIP_NO_INDEX") is { Length: > 0 } variable)
        {
            return variable.Trim().ToLowerInvariant() is "1" or "true" or "yes" or "on";
        }

        return Files().Where(File.Exists).Any(f => NoIndexSetting().IsMatch(Read(f)));
    }

    private static IEnumerable<(string Name, string Value)> Variables() =>
        Environment.GetEnvironmentVariables().Cast<System.Collections.DictionaryEntry>()
            .Select(e => ((string)e.Key, e.Value as string ?? string.Empty))
            .Where(e => e.Item1.StartsWith("PIP_", StringComparison.Ordinal))
            .OrderBy(e => e.Item1, StringComparer.Ordinal);

    private static string Read(string file)
    {
        try
        {
            return File.ReadAllText(file);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return string.Empty;
        }
    }

    /// <summary>Where pip reads its configuration on Linux and macOS (pip's "site" file is in a fresh environment, so empty).</summary>
    private static IEnumerable<string> Files()
    {
        var home = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
        var xdg = Environment.GetEnvironmentVariable("XDG_CONFIG_HOME") is { Length: > 0 } configured ? configured : Path.Combine(home, ".config");
        IEnumerable<string?> files =
        [
            Environment.GetEnvironmentVariable("PIP_CONFIG_FILE"), "/etc/pip.conf", "/etc/xdg/pip/pip.conf",
            Path.Combine(home, ".pip", "pip.conf"), Path.Combine(xdg, "pip", "pip.conf"),
            Path.Combine(home, "Library", "Application Support", "pip", "pip.conf"),
        ];
        return files.OfType<string>().Where(f => f.Length > 0);
    }

    [GeneratedRegex(@"^\s*no[-_]index\s*=\s*(1|true|yes|on)\s*$", RegexOptions.Multiline | RegexOptions.IgnoreCase)]
    private static partial Regex NoIndexSetting();
}
