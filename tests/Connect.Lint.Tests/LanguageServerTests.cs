using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text;
using System.Text.Json.Nodes;
using Xunit;

namespace Connect.Lint.Tests;

/// <summary>
/// A scripted LSP client speaking to <c>connect-lint server</c> over its stdin/stdout, as an editor does: every
/// message the server handles (initialize, initialized, didOpen, publishDiagnostics, codeAction, didSave,
/// executeCommand, shutdown/exit).
/// </summary>
[Collection(Alone.Name)]
public sealed class LanguageServerTests
{
    /// <summary>The server as a process, with LSP's Content-Length framing.</summary>
    internal sealed class Client : IDisposable
    {
        private readonly Process _process;
        private readonly BlockingCollection<JsonNode> _received = new();
        private readonly List<JsonNode> _seen = [];
        private int _nextId;

        /// <param name="program">An installed connect-lint; null runs the test build.</param>
        public Client(string directory, string? program = null)
        {
            var start = new ProcessStartInfo(program ?? "dotnet") { WorkingDirectory = directory, RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true };
            if (program is null)
            {
                start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "connect-lint.dll"));
            }

            start.ArgumentList.Add("server");
            _process = Process.Start(start)!;
            _process.ErrorDataReceived += (_, _) => { };
            _process.BeginErrorReadLine();
            new Thread(Read) { IsBackground = true }.Start();
        }

        public Process Process => _process;

        private void Read()
        {
            var input = _process.StandardOutput.BaseStream;
            while (true)
            {
                var header = new StringBuilder();
                while (!header.ToString().EndsWith("\r\n\r\n", StringComparison.Ordinal))
                {
                    var b = input.ReadByte();
                    if (b < 0)
                    {
                        _received.CompleteAdding();
                        return;
                    }

                    header.Append((char)b);
                }

                var length = int.Parse(header.ToString().Split("\r\n").First(l => l.StartsWith("Content-Length", StringComparison.OrdinalIgnoreCase)).Split(':')[1].Trim());
                var body = new byte[length];
                var read = 0;
                while (read < length)
                {
                    read += input.Read(body, read, length - read);
                }

                _received.Add(JsonNode.Parse(body)!);
            }
        }

        public void Notify(string method, JsonNode? parameters) => Send(new JsonObject { ["jsonrpc"] = "2.0", ["method"] = method, ["params"] = parameters });

        public JsonNode? Request(string method, JsonNode? parameters)
        {
            var response = Response(method, parameters);
            Assert.Null(response["error"]);
            return response["result"];
        }

        /// <summary>The whole response to a request: its result or its error.</summary>
        public JsonNode Response(string method, JsonNode? parameters)
        {
            var id = ++_nextId;
            Send(new JsonObject { ["jsonrpc"] = "2.0", ["id"] = id, ["method"] = method, ["params"] = parameters });
            return WaitFor(m => (int?)m["id"] == id && m["method"] is null);
        }

        /// <summary>The next message (seen or still to come) that matches; fails after 60 s.</summary>
        public JsonNode WaitFor(Func<JsonNode, bool> matches) =>
            TryWaitFor(matches, TimeSpan.FromSeconds(60)) ?? throw new Xunit.Sdk.XunitException("the server did not send the expected message within 60 s");

        /// <summary>The next message that matches, or null when none came within <paramref name="within"/>.</summary>
        public JsonNode? TryWaitFor(Func<JsonNode, bool> matches, TimeSpan within)
        {
            var deadline = DateTime.UtcNow + within;
            while (true)
            {
                var index = _seen.FindIndex(m => matches(m));
                if (index >= 0)
                {
                    var found = _seen[index];
                    _seen.RemoveAt(index);
                    return found;
                }

                var left = deadline - DateTime.UtcNow;
                if (left <= TimeSpan.Zero || !_received.TryTake(out var next, left))
                {
                    return null;
                }

                _seen.Add(next!);
            }
        }

        /// <summary>The next diagnostics published for a file.</summary>
        public JsonArray DiagnosticsOf(string path) => DiagnosticsOf(path, _ => true);

        /// <summary>
        /// The first diagnostics published for a file that satisfy <paramref name="condition"/>: after a change, the
        /// publish that shows it, not whichever publish comes next (an earlier check's, or the interim one of a slow import).
        /// </summary>
        public JsonArray DiagnosticsOf(string path, Func<JsonArray, bool> condition) =>
            WaitFor(m => (string?)m["method"] == "textDocument/publishDiagnostics" && (string?)m["params"]!["uri"] == Uri(path) &&
                         condition(m["params"]!["diagnostics"]!.AsArray()))["params"]!["diagnostics"]!.AsArray();

        private void Send(JsonObject message) => SendBody(Encoding.UTF8.GetBytes(message.ToJsonString()));

        /// <summary>Any bytes as one framed message (a body that is not JSON, for the protocol's error path).</summary>
        public void SendBody(byte[] body)
        {
            var stream = _process.StandardInput.BaseStream;
            stream.Write(Encoding.ASCII.GetBytes($"Content-Length: {body.Length}\r\n\r\n"));
            stream.Write(body);
            stream.Flush();
        }

        public void Dispose()
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
            }

            _process.Dispose();
        }
    }

    internal static string Uri(string path) => new Uri(path).AbsoluteUri;

    internal static Client Start(TempProject project, string? program = null, JsonObject? initializationOptions = null)
    {
        var client = new Client(project.Root, program);
        var result = client.Request("initialize", new JsonObject
        {
            ["processId"] = null,
            ["rootUri"] = Uri(project.Directory),
            ["capabilities"] = new JsonObject(),
            ["workspaceFolders"] = new JsonArray(new JsonObject { ["uri"] = Uri(project.Directory), ["name"] = "project" }),
            ["initializationOptions"] = initializationOptions,
        })!;
        Assert.Equal("connect-lint", (string?)result["serverInfo"]!["name"]);
        Assert.Contains("source.fixAll.connect-lint", result["capabilities"]!["codeActionProvider"]!["codeActionKinds"]!.AsArray().Select(k => (string?)k));
        client.Notify("initialized", new JsonObject());
        return client;
    }

    private static JsonObject Document(string path) => new() { ["uri"] = Uri(path) };

    internal static TempProject StaleProject()
    {
        var project = TempProject.FromFixture("parity/01-minimal/app");
        project.Write("pyproject.toml", $"[tool.connect-lint]\npython = \"{TestPython.Path}\"\n");
        Assert.Equal(0, project.Run("write-manifest", "project", "--python", TestPython.Path).ExitCode);
        project.Write("app.py", project.Read("app.py") + "\n# edited\n");
        return project;
    }

    [Fact]
    public void OpenedFile_GetsItsDeploymentsDiagnostics_WithTheRulesPage()
    {
        using var project = StaleProject();
        using var client = Start(project);

        client.Notify("textDocument/didOpen", new JsonObject
        {
            ["textDocument"] = new JsonObject { ["uri"] = Uri(project.PathOf("app.py")), ["languageId"] = "python", ["version"] = 1, ["text"] = project.Read("app.py") },
        });
        var diagnostic = client.DiagnosticsOf(project.PathOf("manifest.json")).Single(d => (string?)d!["code"] == "CL1007")!;

        Assert.Equal("connect-lint", (string?)diagnostic["source"]);
        Assert.Equal(2, (int?)diagnostic["severity"]);
        Assert.EndsWith("/rules-docs/CL1007.md", (string?)diagnostic["codeDescription"]!["href"]);
        Assert.StartsWith("'app.py' changed since manifest.json was written", (string?)diagnostic["message"]);
    }

    /// <summary>The editor shows the work tree by nature: CL4005, which says a check describes the work tree, is not on the file being edited.</summary>
    [Fact]
    public void AnEditedFileOfARepository_HasNoWorkTreeNote()
    {
        using var project = StaleProject();
        TestGit.Run(project.Directory, "init", "-q");
        TestGit.Run(project.Directory, "add", "-A");
        TestGit.Commit(project.Directory);
        project.Write("app.py", project.Read("app.py") + "app.debug = True\n"); // CL5001 there, so app.py's diagnostics are published
        Assert.Contains("project/app.py:1:1: note CL4005", project.Run("check", "project").Stdout); // the command says it
        using var client = Start(project);

        client.Notify("textDocument/didOpen", new JsonObject
        {
            ["textDocument"] = new JsonObject { ["uri"] = Uri(project.PathOf("app.py")), ["languageId"] = "python", ["version"] = 1, ["text"] = project.Read("app.py") },
        });
        var appDiagnostics = client.DiagnosticsOf(project.PathOf("app.py"), d => d.Any(x => (string?)x!["code"] == "CL5001"));
        Assert.DoesNotContain(appDiagnostics, d => (string?)d!["code"] == "CL4005");
    }

    [Fact]
    public void QuickFix_AndFixAll_AreWorkspaceEdits_AndASaveRechecks()
    {
        using var project = StaleProject();
        using var client = Start(project);
        var manifest = project.PathOf("manifest.json");
        var stale = client.DiagnosticsOf(manifest).Single(d => (string?)d!["code"] == "CL1007")!;

        var actions = client.Request("textDocument/codeAction", new JsonObject
        {
            ["textDocument"] = Document(manifest),
            ["range"] = stale["range"]!.DeepClone(),
            ["context"] = new JsonObject { ["diagnostics"] = new JsonArray(stale.DeepClone()) },
        })!.AsArray();
        var quickFix = actions.Single(a => (string?)a!["kind"] == "quickfix")!;
        Assert.StartsWith("Update the checksum of 'app.py' (CL1007)", (string?)quickFix["title"]);
        Assert.True((bool?)quickFix["isPreferred"]);
        var edit = quickFix["edit"]!["documentChanges"]![0]!;
        Assert.Equal(Uri(manifest), (string?)edit["textDocument"]!["uri"]);
        var newText = (string)edit["edits"]![0]!["newText"]!;
        Assert.Matches("^\"[0-9a-f]{32}\"$", newText);
        Assert.Contains(actions, a => (string?)a!["kind"] == "source.fixAll.connect-lint");

        // The editor applies the edit and saves: the server checks again and the problem is gone.
        var range = edit["edits"]![0]!["range"]!;
        var lines = project.Read("manifest.json").Split('\n');
        var line = (int)range["start"]!["line"]!;
        lines[line] = lines[line][..(int)range["start"]!["character"]!] + newText + lines[line][(int)range["end"]!["character"]!..];
        project.Write("manifest.json", string.Join('\n', lines));
        client.Notify("textDocument/didSave", new JsonObject { ["textDocument"] = Document(manifest) });

        // The publish for the saved version: earlier checks' publishes (the workspace's first check, a slow import's
        // interim one) may still arrive after the save, and still hold CL1007.
        var afterSave = client.DiagnosticsOf(manifest, diagnostics => diagnostics.All(d => (string?)d!["code"] != "CL1007"));
        Assert.DoesNotContain(afterSave, d => (string?)d!["code"] == "CL1007");
    }

    [Fact]
    public void WriteManifestCommand_WritesIt_AndClearsCL1001()
    {
        using var project = TempProject.FromFixture("parity/01-minimal/app");
        project.Write("pyproject.toml", $"[tool.connect-lint]\npython = \"{TestPython.Path}\"\n");
        using var client = Start(project);
        var missing = client.DiagnosticsOf(project.PathOf("manifest.json"));
        Assert.Contains(missing, d => (string?)d!["code"] == "CL1001");

        // Code actions come from the complete check: under load the first publish can be the interim one of a slow
        // import, so ask until the complete check has answered.
        JsonNode? CommandOffered() => client.Request("textDocument/codeAction", new JsonObject
        {
            ["textDocument"] = Document(project.PathOf("manifest.json")),
            ["range"] = missing[0]!["range"]!.DeepClone(),
            ["context"] = new JsonObject { ["diagnostics"] = new JsonArray() },
        })!.AsArray().Select(a => a!["command"]).SingleOrDefault(c => c is not null);
        var deadline = DateTime.UtcNow.AddSeconds(60);
        var command = CommandOffered();
        while (command is null && DateTime.UtcNow < deadline)
        {
            client.TryWaitFor(m => (string?)m["method"] == "textDocument/publishDiagnostics", TimeSpan.FromMilliseconds(500)); // the complete check's publish, or a pause
            command = CommandOffered();
        }

        Assert.NotNull(command);
        client.Request("workspace/executeCommand", new JsonObject { ["command"] = command["command"]!.DeepClone(), ["arguments"] = command["arguments"]!.DeepClone() });

        Assert.True(File.Exists(project.PathOf("manifest.json")));
        var after = client.DiagnosticsOf(project.PathOf("manifest.json"), diagnostics => diagnostics.All(d => (string?)d!["code"] != "CL1001"));
        Assert.DoesNotContain(after, d => (string?)d!["code"] == "CL1001");
    }

    [Fact]
    public void WatchedFileChange_OfADataFile_Rechecks()
    {
        using var project = TempProject.FromFixture("parity/01-minimal/app");
        project.Write("data.csv", "a,b\n");
        project.Write("pyproject.toml", $"[tool.connect-lint]\npython = \"{TestPython.Path}\"\n");
        Assert.Equal(0, project.Run("write-manifest", "project", "--python", TestPython.Path).ExitCode);
        using var client = Start(project);
        client.WaitFor(m => (string?)m["method"] == "window/logMessage");

        // The start-up check of a clean deployment publishes nothing, so the first publish with CL1006 is the re-check's
        // (or a start-up check that already saw the deletion): either way the change was noticed.
        File.Delete(project.PathOf("data.csv"));
        client.Notify("workspace/didChangeWatchedFiles", new JsonObject
        {
            ["changes"] = new JsonArray(new JsonObject { ["uri"] = Uri(project.PathOf("data.csv")), ["type"] = 3 }),
        });

        Assert.Contains(client.DiagnosticsOf(project.PathOf("manifest.json"), diagnostics => diagnostics.Any(d => (string?)d!["code"] == "CL1006")),
            d => (string?)d!["code"] == "CL1006");
    }

    /// <summary>A package installed into the interpreter's environment makes the warm interpreter stale: it is replaced, and said so.</summary>
    [Fact]
    public void InstallIntoTheEnvironment_RestartsTheWarmInterpreter()
    {
        if (!OperatingSystem.IsLinux())
        {
            return; // the fork server is Linux-only
        }

        using var project = TempProject.FromFixture("parity/01-minimal/app");
        var venv = TestVenv.Create(project.PathOf("../venv"));
        project.Write("pyproject.toml", $"[tool.connect-lint]\npython = \"{venv.Python}\"\n");
        using var client = Start(project);
        Assert.Contains("fork of a warm interpreter", (string?)client.WaitFor(m => (string?)m["method"] == "window/logMessage")["params"]!["message"]);
        client.Notify("textDocument/didSave", new JsonObject { ["textDocument"] = Document(project.PathOf("app.py")) });
        // The warm interpreter has served a check once a complete check (the import's CL1001 is in every one) has published.
        client.DiagnosticsOf(project.PathOf("manifest.json"), diagnostics => diagnostics.Any(d => (string?)d!["code"] == "CL1001"));

        venv.Install("tinydep", "1.0", new Dictionary<string, string> { ["tinydep.py"] = "" });
        project.Write("app.py", project.Read("app.py") + "\n# edited\n");
        client.Notify("textDocument/didSave", new JsonObject { ["textDocument"] = Document(project.PathOf("app.py")) });

        var restarted = client.WaitFor(m => (string?)m["method"] == "window/logMessage" && ((string?)m["params"]!["message"])!.Contains("changed"));
        Assert.Equal($"connect-lint: the environment of {Path.GetFullPath(venv.Python)} changed: its warm interpreter was restarted", (string?)restarted["params"]!["message"]);
    }

    /// <summary>The editor is never left waiting on a hanging import: the files' own problems come first, the import's at its timeout.</summary>
    [Fact]
    public void HangingImport_TheFilesOwnDiagnosticsArriveFirst_ThenTheTimeout()
    {
        using var project = StaleProject();
        project.Write("app.py", "import time\ntime.sleep(120)\n" + project.Read("app.py"));
        using var client = Start(project, initializationOptions: new JsonObject { ["importTimeout"] = 8 });
        var received = new List<JsonNode>();

        // In the order they arrive: the files' own diagnostics, then (at the import's timeout) the import's.
        var timedOut = client.WaitFor(m =>
        {
            received.Add(m);
            return (string?)m["method"] == "textDocument/publishDiagnostics" && m["params"]!["diagnostics"]!.AsArray().Any(d => (string?)d!["code"] == "CL2005");
        });

        var earlier = received.TakeWhile(m => !ReferenceEquals(m, timedOut))
            .Where(m => (string?)m["method"] == "textDocument/publishDiagnostics" && (string?)m["params"]!["uri"] == Uri(project.PathOf("manifest.json")));
        Assert.Contains(earlier, m => m["params"]!["diagnostics"]!.AsArray().Any(d => (string?)d!["code"] == "CL1007"));
        Assert.Equal(Uri(project.PathOf("app.py")), (string?)timedOut["params"]!["uri"]);
    }

    [Fact]
    public void ASlowRecheck_OffersTheFixesOfTheFilesAsTheyAreNow_WhileItsImportRuns()
    {
        using var project = TempProject.FromFixture("parity/01-minimal/app");
        project.Write("pyproject.toml", $"[tool.connect-lint]\npython = \"{TestPython.Path}\"\n");
        // app:application does not exist: the complete check (the import's) says CL2003, the interim one cannot.
        Assert.Equal(0, project.Run("write-manifest", "project", "--python", TestPython.Path, "-e", "app:application").ExitCode);
        var manifest = project.PathOf("manifest.json");
        using var client = Start(project, initializationOptions: new JsonObject { ["importTimeout"] = 8 });
        client.DiagnosticsOf(manifest, diagnostics => diagnostics.Any(d => (string?)d!["code"] == "CL2003"));

        // The saved app.py now hangs at import: the recheck's interim diagnostics (no Python) come first.
        var slow = "import time\ntime.sleep(120)\n" + project.Read("app.py");
        project.Write("app.py", slow);
        client.Notify("textDocument/didSave", new JsonObject { ["textDocument"] = Document(project.PathOf("app.py")) });
        var interim = client.DiagnosticsOf(manifest, diagnostics => diagnostics.Any(d => (string?)d!["code"] == "CL1007") && diagnostics.All(d => (string?)d!["code"] != "CL2003"));
        var stale = interim.Single(d => (string?)d!["code"] == "CL1007")!;

        var actions = client.Request("textDocument/codeAction", new JsonObject
        {
            ["textDocument"] = Document(manifest),
            ["range"] = stale["range"]!.DeepClone(),
            ["context"] = new JsonObject { ["diagnostics"] = new JsonArray(stale.DeepClone()) },
        })!.AsArray();

        var titles = actions.Select(a => (string?)a!["title"]).ToList();
        var quickFix = actions.SingleOrDefault(a => ((string?)a!["title"])!.StartsWith("Update the checksum of 'app.py' (CL1007)", StringComparison.Ordinal));
        Assert.True(quickFix is not null, $"no CL1007 quick fix among: {string.Join(" | ", titles)}; published: {interim.ToJsonString()}");
        var checksum = Convert.ToHexStringLower(System.Security.Cryptography.MD5.HashData(System.Text.Encoding.UTF8.GetBytes(slow)));
        Assert.Equal($"\"{checksum}\"", (string?)quickFix["edit"]!["documentChanges"]![0]!["edits"]![0]!["newText"]);
    }

    /// <summary>The client's exit notification; the server's exit code (0 after shutdown, 1 without it).</summary>
    private static int ExitCodeAfterExit(Client client)
    {
        client.Notify("exit", null);
        Assert.True(client.Process.WaitForExit(10_000), "the server did not end after exit");
        return client.Process.ExitCode;
    }

    private static JsonObject CodeActionFor(string path) => new() { ["textDocument"] = Document(path), ["context"] = new JsonObject() };

    [Fact]
    public void ShutdownAndExit_EndTheServer()
    {
        using var project = TempProject.FromFixture("parity/01-minimal/app");
        using var client = Start(project);

        Assert.Null(client.Request("shutdown", null));

        Assert.Equal(0, ExitCodeAfterExit(client));
    }

    [Fact]
    public void AMessageThatIsNotJson_GetsAParseError_AndTheServerGoesOn()
    {
        using var project = TempProject.FromFixture("parity/01-minimal/app");
        using var client = Start(project);

        client.SendBody(Encoding.UTF8.GetBytes("this is not JSON {"));
        var parseError = client.WaitFor(m => m["error"] is not null && m["id"] is null && (int?)m["error"]!["code"] == -32700);
        client.SendBody(Encoding.UTF8.GetBytes("[1, 2, 3]"));
        var invalid = client.WaitFor(m => m["error"] is not null && m["id"] is null && (int?)m["error"]!["code"] == -32600);

        Assert.StartsWith("Parse error", (string?)parseError["error"]!["message"]);
        Assert.StartsWith("Invalid Request", (string?)invalid["error"]!["message"]);
        // Still serving: a request is answered, and shutdown then exit end it with 0.
        Assert.NotNull(client.Request("textDocument/codeAction", CodeActionFor(project.PathOf("app.py"))));
        Assert.Null(client.Request("shutdown", null));
        Assert.Equal(0, ExitCodeAfterExit(client));
    }

    [Fact]
    public void RequestsAfterShutdown_AreInvalid_AndExitWithoutShutdownEndsWith1()
    {
        using var project = TempProject.FromFixture("parity/01-minimal/app");
        using (var client = Start(project))
        {
            Assert.Null(client.Request("shutdown", null));
            var refused = client.Response("textDocument/codeAction", CodeActionFor(project.PathOf("app.py")));
            Assert.Equal(-32600, (int?)refused["error"]!["code"]);
            Assert.Equal(0, ExitCodeAfterExit(client));
        }

        using var abrupt = Start(project);
        Assert.Equal(1, ExitCodeAfterExit(abrupt));
    }
}
