using System.Diagnostics;
using System.Text.RegularExpressions;
using Connect.Lint.Python;
using NJsonSchema;
using Xunit;

namespace Connect.Lint.Tests;

/// <summary>
/// The bridge's contract: what the Python package really writes, run in the real interpreter over real fixtures,
/// is valid against bridge-answer.schema.json, and the C# side, the schema and the script agree on the protocol.
/// </summary>
public sealed class BridgeContractTests
{
    private static readonly string PythonDirectory = Path.Combine(Fixtures.RepositoryRoot, "src", "Connect.Lint", "Python");

    private static readonly Lazy<Task<JsonSchema>> Schema = new(() => JsonSchema.FromFileAsync(Path.Combine(PythonDirectory, "bridge-answer.schema.json")));

    [Theory]
    [InlineData("flaskr", "flaskr")]
    [InlineData("routes-and-blueprints", "app")]
    [InlineData("factory-named", "myapp:create_app")]
    [InlineData("object-not-found", "app:application")]
    [InlineData("run-at-import", "app")]
    [InlineData("sys-exit", "app")]
    [InlineData("deep-exception", "app")]
    [InlineData("missing-package", "app")]
    [InlineData("application-object", "wsgi")]
    [InlineData("routes-and-blueprints", "app", true)]
    [InlineData("flaskr", "flaskr", true)]
    public async Task TheBridgesRealAnswers_AreValidAgainstTheSchema(string fixture, string entrypoint, bool serve = false)
    {
        _ = TestPython.PythonVersion; // fails, never skips, when the interpreter is missing
        var directory = Path.Combine(Fixtures.Root, "python", fixture);
        var sources = Directory.GetFiles(directory, "*.py", SearchOption.AllDirectories).Select(p => Path.GetRelativePath(directory, p)).Order().ToList();
        var request = new BridgeRequest(new InterpreterChoice(TestPython.Path, "test"), directory, entrypoint, sources, TimeSpan.FromSeconds(20))
        {
            WantPackages = true,
            Serve = serve ? new ServeRequest("/content/test", TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(10)) : null, // the rehearsal's requests
        };
        var start = new ProcessStartInfo(TestPython.Path, ["-I", "-c", BridgeProtocol.Script.Value, BridgeProtocol.RequestJson(request)])
        {
            WorkingDirectory = directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        var lines = (await process.StandardOutput.ReadToEndAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        await process.WaitForExitAsync();
        await stderr;

        Assert.Equal(serve ? ["static", "import", "serve", "packages"] : ["static", "import", "packages"], lines.Select(l => System.Text.Json.JsonDocument.Parse(l).RootElement.GetProperty("kind").GetString()));
        var schema = await Schema.Value;
        foreach (var line in lines)
        {
            // Validated against the message's own definition, so that an error names the member, not just "not one of".
            var kind = System.Text.Json.JsonDocument.Parse(line).RootElement.GetProperty("kind").GetString()!;
            var errors = schema.Definitions[kind].Validate(line);
            Assert.Empty(schema.Validate(line));
            Assert.True(errors.Count == 0, $"{fixture}: {string.Join("; ", errors.Select(e => $"{e.Path}: {e.Kind}"))}\n{line}");
        }
    }

    [Fact]
    public async Task TheProtocolVersion_IsOneNumberOnEverySide()
    {
        var safe = await File.ReadAllTextAsync(Path.Combine(PythonDirectory, "connect_lint_bridge", "safe.py"));
        Assert.Equal(BridgeProtocol.Version.ToString(System.Globalization.CultureInfo.InvariantCulture), Regex.Match(safe, @"^PROTOCOL = (\d+)", RegexOptions.Multiline).Groups[1].Value);
        using var schema = System.Text.Json.JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(PythonDirectory, "bridge-answer.schema.json")));
        Assert.Equal(BridgeProtocol.Version, schema.RootElement.GetProperty("definitions").GetProperty("protocol").GetProperty("enum")[0].GetInt32());
    }

    [Fact]
    public void EveryModuleOfTheBridge_IsLoaded()
    {
        var onDisk = Directory.GetFiles(Path.Combine(PythonDirectory, "connect_lint_bridge"), "*.py").Select(Path.GetFileNameWithoutExtension).Where(m => m != "__init__").Order();
        Assert.Equal(onDisk, BridgeScript.Modules.Concat(BridgeScript.EmbeddedModules).Order());
    }
}
