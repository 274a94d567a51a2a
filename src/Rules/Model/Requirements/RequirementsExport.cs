using System.Globalization;
using System.Text.RegularExpressions;

namespace Connect.Lint.Rules.Model.Requirements;

/// <summary>What a deployment's pyproject.toml says of its dependencies and of rsconnect ([tool.rsconnect]).</summary>
/// <param name="Dependencies">[project].dependencies; null when pyproject.toml has none or they are not a list of strings.</param>
/// <param name="ToolRsconnect">[tool.rsconnect]'s app_mode, entrypoint and requirements_file; null without the table.</param>
public sealed record PyprojectFacts(IReadOnlyList<string>? Dependencies, ToolRsconnect? ToolRsconnect);

/// <summary>rsconnect's deployment settings in pyproject.toml (rsconnect/pyproject.py: app_mode and entrypoint are required).</summary>
public sealed record ToolRsconnect(string? AppMode, string? Entrypoint, string? RequirementsFile);

/// <summary>
/// A requirements file rsconnect (or write-manifest) made from another source, as its first line says:
/// <c># requirements.txt generated from pyproject.toml by rsconnect-python on 2026-11-25 10:00:00.123456+00:00</c>
/// (rsconnect's subprocesses/inspect_environment.py; "requirements.txt.lock … from uv.lock" for uv).
/// </summary>
public static partial class RequirementsExport
{
    public const string FromPyproject = "pyproject.toml";
    public const string FromUvLock = "uv.lock";

    /// <summary>The source file named by the header line, or null when the text does not start with one.</summary>
    public static string? SourceOf(string text) =>
        Header().Match(text) is { Success: true } match ? match.Groups["source"].Value : null;

    /// <summary>rsconnect's export of [project].dependencies: a header, then the dependencies one per line, no final newline.</summary>
    public static string OfPyproject(IReadOnlyList<string> dependencies, DateTime utcNow) =>
        HeaderLine("requirements.txt", FromPyproject, utcNow) + string.Join('\n', dependencies.Where(KeptByRsconnect));

    /// <summary>rsconnect's export of uv.lock: a header, then what uv export printed, filtered as rsconnect filters it.</summary>
    public static string OfUvExport(string exported, DateTime utcNow) =>
        HeaderLine("requirements.txt.lock", FromUvLock, utcNow) + string.Join('\n', exported.Split('\n').Where(KeptByRsconnect));

    /// <summary>The requirement lines of an export, without the header: what a regeneration is compared on.</summary>
    public static IReadOnlyList<string> Body(string text) =>
        text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n').Skip(1).Where(l => l.Trim().Length > 0).Select(l => l.Trim()).ToList();

    /// <summary>rsconnect's filter: no line naming rsconnect, no pip "[notice]" line.</summary>
    public static bool KeptByRsconnect(string line) =>
        !line.Contains("rsconnect", StringComparison.Ordinal) && !line.StartsWith("[notice]", StringComparison.Ordinal);

    /// <summary>A UTC time as Python prints <c>datetime.now(timezone.utc)</c>, the form rsconnect's headers use.</summary>
    public static string PythonUtcTime(DateTime utcNow) => utcNow.ToString("yyyy-MM-dd HH:mm:ss.ffffff", CultureInfo.InvariantCulture) + "+00:00";

    private static string HeaderLine(string target, string source, DateTime utcNow) =>
        $"# {target} generated from {source} by connect-lint on {PythonUtcTime(utcNow)}\n";

    [GeneratedRegex(@"^# requirements\.txt(?:\.lock)? generated from (?<source>pyproject\.toml|uv\.lock) by (?:rsconnect-python|connect-lint) on ")]
    private static partial Regex Header();
}
