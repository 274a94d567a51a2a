using Connect.Lint.Rules.Model.Requirements;

namespace Connect.Lint.Loading;

/// <summary>Reads a deployment's pyproject.toml for [project].dependencies and [tool.rsconnect]; nothing when it is absent or not TOML.</summary>
public static class PyprojectReader
{
    private const long MaxBytes = 4 * 1024 * 1024;

    public static PyprojectFacts? Read(string directory)
    {
        var path = Path.Combine(directory, "pyproject.toml");
        if (!FileKinds.IsRegularFile(path) || new FileInfo(path).Length > MaxBytes)
        {
            return null;
        }

        Tomlyn.Model.TomlTable document;
        try
        {
            document = Tomlyn.TomlSerializer.Deserialize<Tomlyn.Model.TomlTable>(File.ReadAllText(path))!;
        }
        catch (Exception e) when (e is Tomlyn.TomlException or IOException or UnauthorizedAccessException or InvalidOperationException)
        {
            return null; // the configuration loader reports a broken pyproject.toml with its position
        }

        var project = document.TryGetValue("project", out var p) ? p as Tomlyn.Model.TomlTable : null;
        IReadOnlyList<string>? dependencies = project is not null && project.TryGetValue("dependencies", out var d) && d is Tomlyn.Model.TomlArray array && array.All(i => i is string)
            ? array.Cast<string>().ToList()
            : null;
        var tool = document.TryGetValue("tool", out var t) ? t as Tomlyn.Model.TomlTable : null;
        var rsconnect = tool is not null && tool.TryGetValue("rsconnect", out var r) ? r as Tomlyn.Model.TomlTable : null;
        return new PyprojectFacts(dependencies, rsconnect is null ? null : new ToolRsconnect(Text(rsconnect, "app_mode"), Text(rsconnect, "entrypoint"), Text(rsconnect, "requirements_file")));
    }

    private static string? Text(Tomlyn.Model.TomlTable table, string key) => table.TryGetValue(key, out var value) ? value as string : null;
}
