using Connect.Lint.Rehearsal;
using System.Globalization;
using System.Text;
using Connect.Lint.Reporting;
using Connect.Lint.Rules.Analysis;

namespace Connect.Lint.Settings;

/// <summary><c>check --show-settings</c>: each deployment's resolved settings, one per line, with where each value came from.</summary>
public static class SettingsReport
{
    public static string Render(string directory, DeploymentSettings settings)
    {
        var builder = new StringBuilder();
        builder.Append($"Deployment {DisplayPath.Of(directory)}\n");
        builder.Append($"  config file             {(settings.ConfigFile is { } file ? DisplayPath.Of(file) : "(none)")}\n");
        Row(builder, "select", List(settings.Select.Value, "(rules enabled by default)"), settings.Select.Source);
        if (settings.ExtendSelect.Value.Count > 0)
        {
            Row(builder, "extend-select", List(settings.ExtendSelect.Value, "(none)"), settings.ExtendSelect.Source);
        }

        Row(builder, "ignore", List(settings.Ignore.Value, "(none)"), settings.Ignore.Source);
        Row(builder, "per-file-ignores", List(settings.PerFileIgnores.Value.Select(p => $"{p.Glob} = {string.Join(",", p.Codes)}").ToList(), "(none)"), settings.PerFileIgnores.Source);
        Row(builder, "exclude (--exclude)", List(settings.Exclude.Value, "(none)"), settings.Exclude.Source);
        Row(builder, "exclude (config)", List(settings.ConfigExclude.Value, "(none)"), settings.ConfigExclude.Source);
        Row(builder, "python", settings.Python.Value ?? "(located: .venv/venv/env up to the repository root, $VIRTUAL_ENV, python3 on PATH)", settings.Python.Source);
        Row(builder, "python-host", settings.PythonHost.Value, settings.PythonHost.Source);
        Row(builder, "import-timeout", settings.ImportTimeoutSeconds.Value.ToString(CultureInfo.InvariantCulture) + " s", settings.ImportTimeoutSeconds.Source);
        Row(builder, "run python", settings.RunPython.Value ? "yes" : "no", settings.RunPython.Source);
        Row(builder, "cache", settings.UseCache.Value ? "yes" : "no", settings.UseCache.Source);
        Row(builder, "rehearse", settings.Rehearse.Value.Name(), settings.Rehearse.Source);
        Row(builder, "install-timeout", settings.InstallTimeoutSeconds.Value.ToString(CultureInfo.InvariantCulture) + " s", settings.InstallTimeoutSeconds.Source);
        Row(builder, "server-python-versions", List(settings.ServerPythonVersions.Value, "(not said)"), settings.ServerPythonVersions.Source);
        Row(builder, "branch", settings.Branch.Value ?? "(not said: --rev checks HEAD)", settings.Branch.Source);
        Row(builder, "vars", List(settings.Vars.Value, "(none declared)"), settings.Vars.Source);
        Row(builder, "severity", List(settings.Severity.Value.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key} = {p.Value.ToName()}").ToList(), "(rule defaults)"), settings.Severity.Source);
        return builder.ToString();
    }

    private static void Row(StringBuilder builder, string name, string value, string source) =>
        builder.Append($"  {name,-23} {value}  [{source}]\n");

    private static string List(IReadOnlyList<string> values, string empty) => values.Count == 0 ? empty : string.Join(", ", values);
}
