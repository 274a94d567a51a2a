using Connect.Lint.Rules.Model.Requirements;
using Tomlyn.Parsing;
using Tomlyn.Syntax;

namespace Connect.Lint.Loading;

/// <summary>
/// Reads a deployment's pyproject.toml for [project].dependencies and [tool.rsconnect]; nothing when it is absent or
/// not TOML. Through Tomlyn's syntax tree, as the configuration loader does: its reflection-based serializer is not
/// available in the Native AOT build.
/// </summary>
public static class PyprojectReader
{
    private const long MaxBytes = 4 * 1024 * 1024;

    /// <summary>Deeper values are not something this reader needs (and the configuration loader reports them).</summary>
    private const int MaxNesting = 60;

    public static PyprojectFacts? Read(string directory)
    {
        var path = Path.Combine(directory, "pyproject.toml");
        if (!FileKinds.IsRegularFile(path) || new FileInfo(path).Length > MaxBytes)
        {
            return null;
        }

        DocumentSyntax document;
        try
        {
            var text = File.ReadAllText(path);
            if (Configuration.TomlNesting.FirstTooDeep(text, MaxNesting) is not null)
            {
                return null;
            }

            document = SyntaxParser.Parse(text, path, true);
        }
        catch (Exception e) when (e is Tomlyn.TomlException or IOException or UnauthorizedAccessException)
        {
            return null; // the configuration loader reports a broken pyproject.toml with its position
        }

        if (document.Diagnostics.HasErrors)
        {
            return null;
        }

        var project = Table(document, "project");
        var rsconnect = Table(document, "tool.rsconnect");
        IReadOnlyList<string>? dependencies = Value(project, "dependencies") is ArraySyntax array && array.Items.All(i => i.Value is StringValueSyntax)
            ? array.Items.Select(i => ((StringValueSyntax)i.Value!).Value!).ToList()
            : null;
        return new PyprojectFacts(dependencies, rsconnect is null
            ? null
            : new ToolRsconnect(Text(rsconnect, "app_mode"), Text(rsconnect, "entrypoint"), Text(rsconnect, "requirements_file")));
    }

    private static TableSyntax? Table(DocumentSyntax document, string name) =>
        document.Tables.OfType<TableSyntax>().FirstOrDefault(t => Configuration.ConfigLoader.KeyName(t.Name) == name);

    private static ValueSyntax? Value(TableSyntax? table, string key) =>
        table?.Items.FirstOrDefault(i => Configuration.ConfigLoader.KeyName(i.Key) == key)?.Value;

    private static string? Text(TableSyntax table, string key) => (Value(table, key) as StringValueSyntax)?.Value;
}
