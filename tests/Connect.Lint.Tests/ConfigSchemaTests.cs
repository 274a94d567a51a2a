using System.Text.Json;
using Connect.Lint.Configuration;
using Connect.Lint.Rules;
using NJsonSchema;
using Xunit;

namespace Connect.Lint.Tests;

/// <summary>
/// schemas/connect-lint.json, the JSON schema of [tool.connect-lint] in the form SchemaStore and TOML editor
/// extensions (Even Better TOML / Taplo) use, says what the config loader accepts: the same keys, the same rule
/// codes, the same severities, and it accepts what the loader accepts and refuses what it refuses.
/// </summary>
public sealed class ConfigSchemaTests
{
    private static readonly string SchemaPath = Path.Combine(Fixtures.RepositoryRoot, "schemas", "connect-lint.json");

    private static Task<JsonSchema> Schema() => JsonSchema.FromFileAsync(SchemaPath);

    /// <summary>The [tool.connect-lint] table of a pyproject.toml, as the JSON an editor validates.</summary>
    private static string TableAsJson(string pyproject)
    {
        var document = Tomlyn.TomlSerializer.Deserialize<Tomlyn.Model.TomlTable>(pyproject)!;
        var table = ((Tomlyn.Model.TomlTable)((Tomlyn.Model.TomlTable)document["tool"])["connect-lint"]);
        return JsonSerializer.Serialize(ToPlain(table));
    }

    private static object? ToPlain(object? value) => value switch
    {
        Tomlyn.Model.TomlTable table => table.ToDictionary(p => p.Key, p => ToPlain(p.Value)),
        Tomlyn.Model.TomlArray array => array.Select(ToPlain).ToList(),
        _ => value,
    };

    /// <summary>With CONNECT_LINT_WRITE_DOCS=1 (as for rules-docs), the severity table's rule list is rewritten from the catalog.</summary>
    private static void WriteRuleListIfAsked()
    {
        if (Environment.GetEnvironmentVariable("CONNECT_LINT_WRITE_DOCS") != "1")
        {
            return;
        }

        var root = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(SchemaPath))!;
        var severity = root["properties"]!["severity"]!;
        var ids = RuleCatalog.All.Select(r => r.Descriptor.Id).Order(StringComparer.Ordinal).ToList();
        severity["propertyNames"] = new System.Text.Json.Nodes.JsonObject { ["enum"] = new System.Text.Json.Nodes.JsonArray([.. ids.Concat(ids.Select(i => i.ToLowerInvariant())).Select(i => (System.Text.Json.Nodes.JsonNode)i)]) };
        var properties = new System.Text.Json.Nodes.JsonObject();
        foreach (var rule in RuleCatalog.All.OrderBy(r => r.Descriptor.Id, StringComparer.Ordinal))
        {
            properties[rule.Descriptor.Id] = new System.Text.Json.Nodes.JsonObject { ["$ref"] = "#/definitions/severity", ["description"] = rule.Descriptor.Title + "." };
        }

        severity["properties"] = properties;
        File.WriteAllText(SchemaPath, root.ToJsonString(new JsonSerializerOptions { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }) + "\n");
    }

    [Fact]
    public async Task Schema_HasExactlyTheLoadersKeys_AndEveryRuleForSeverity()
    {
        WriteRuleListIfAsked();
        var schema = await Schema();

        Assert.Equal(ConfigLoader.Keys.Order(), schema.Properties.Keys.Order());
        Assert.False(schema.AllowAdditionalProperties);
        using var raw = JsonDocument.Parse(File.ReadAllText(SchemaPath));
        var severityCodes = raw.RootElement.GetProperty("properties").GetProperty("severity").GetProperty("propertyNames").GetProperty("enum")
            .EnumerateArray().Select(e => e.GetString()!).Where(c => c.StartsWith("CL", StringComparison.Ordinal)).Order();
        Assert.True(RuleCatalog.All.Select(r => r.Descriptor.Id).Order().SequenceEqual(severityCodes),
            "schemas/connect-lint.json's severity table lists other rules than the catalog: run CONNECT_LINT_WRITE_DOCS=1 ./test.sh");
        Assert.Equal(RuleCatalog.All.Select(r => r.Descriptor.Id).Order(), schema.Properties["severity"].Properties.Keys.Order()); // what editors complete
    }

    [Theory]
    [InlineData("select = [\"CL\"]\nignore = [\"CL3007\"]\nexclude = [\"notebooks/**\"]\npython = \".venv/bin/python\"\nserver-python-versions = [\"3.10\", \"3.11\"]\n\n[tool.connect-lint.per-file-ignores]\n\"scripts/*.py\" = [\"CL30\"]\n\n[tool.connect-lint.severity]\nCL3007 = \"warning\"\n")]
    [InlineData("select = \"cl1\"\npython = \"python3.11\"\n")]
    [InlineData("severity = { cl2002 = \"warn\" }\n")]
    [InlineData("rehearse = true\n")]
    [InlineData("rehearse = \"import\"\n")]
    [InlineData("vars = [\"SECRET_KEY\", \"DATABASE_URL\"]\n")]
    [InlineData("vars = \"SECRET_KEY\"\n")]
    public async Task WhatTheLoaderAccepts_TheSchemaAccepts(string table)
    {
        var pyproject = "[tool.connect-lint]\n" + table;
        using var project = TempProject.FromFixture("parity/01-minimal/app");
        project.Write("pyproject.toml", pyproject);

        Assert.Equal(0, project.Run("check", "project", "--show-settings").ExitCode);
        Assert.Empty((await Schema()).Validate(TableAsJson(pyproject)));
    }

    [Theory]
    [InlineData("selcet = [\"CL1\"]\n")]
    [InlineData("select = [\"E501\"]\n")]
    [InlineData("server-python-versions = [\"3\"]\n")]
    [InlineData("[tool.connect-lint.severity]\nCL3007 = \"loud\"\n")]
    [InlineData("[tool.connect-lint.severity]\nCL9999 = \"note\"\n")]
    [InlineData("rehearse = \"yes\"\n")]
    [InlineData("vars = [\"SECRET_KEY=abc\"]\n")]
    [InlineData("vars = [\"1PASSWORD\"]\n")]
    public async Task WhatTheLoaderRefuses_TheSchemaRefuses(string table)
    {
        var pyproject = "[tool.connect-lint]\n" + table;
        using var project = TempProject.FromFixture("parity/01-minimal/app");
        project.Write("pyproject.toml", pyproject);

        Assert.Equal(2, project.Run("check", "project", "--show-settings").ExitCode);
        Assert.NotEmpty((await Schema()).Validate(TableAsJson(pyproject)));
    }
}
