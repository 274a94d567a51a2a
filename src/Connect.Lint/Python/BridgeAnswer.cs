using System.Text.Json;
using System.Text.RegularExpressions;
using Connect.Lint.Rules.Model.Python;
using Connect.Lint.Rules.Model.Rehearsal;

namespace Connect.Lint.Python;

/// <summary>Turns the script's JSON lines (and what stderr shows of a crash or hang) into <see cref="PythonFacts"/>.</summary>
public static partial class BridgeAnswer
{
    internal sealed record StaticMessage(EnvironmentFacts? Environment, IReadOnlyList<StaticFileFacts>? Files);

    /// <summary>
    /// Parses a tiny answer so that System.Text.Json's first-use cost is paid on another thread while the
    /// interpreter imports the app, not after it.
    /// </summary>
    public static void WarmUp()
    {
        var request = new BridgeRequest(new InterpreterChoice("python3", "warm-up"), "/", "app", [], TimeSpan.FromSeconds(1));
        Parse(request, "process",
            [
                """{"kind": "static", "environment": {"python": "3.11.2", "version": "", "executable": "", "prefix": "", "pip": null, "locale": "", "stdlib": ["os"]}, "files": [{"file": "app.py", "imports": [{"module": "flask", "level": 0, "line": 1, "column": 1, "end_line": 1, "end_column": 2}], "module_level_runs": [], "blueprints": [], "registrations": [], "flask_apps": [], "syntax_error": null}]}""",
                """{"kind": "import", "module": "app", "outcome": "imported", "runs": [], "resolved": {"name": "app", "shape": "app", "called": false}, "candidates": [], "app": {"name": "app", "import_name": "app", "root_path": "/", "debug": false, "rules": [{"rule": "/", "endpoint": "i", "methods": ["GET"], "where": {"file": "app.py", "line": 1}}], "blueprints": []}, "unregistered_blueprints": [], "local_modules": [], "third_party": []}""",
            ],
            string.Empty, timedOut: false, exitCode: 0);
    }

    public static PythonFacts Parse(BridgeRequest request, string host, IEnumerable<string> lines, string stderrTail, bool timedOut, int? exitCode)
    {
        var answerLines = lines.Where(l => !string.IsNullOrWhiteSpace(l)).ToList();
        EnvironmentFacts? environment = null;
        IReadOnlyList<StaticFileFacts> files = [];
        ImportFacts? import = null;
        PackagesAnswer? packages = null;
        IReadOnlyList<string>? environmentReads = null;
        FilesRead? filesRead = null;
        ServeFacts? served = null;
        foreach (var line in answerLines)
        {
            using var document = JsonDocument.Parse(line);
            var kind = document.RootElement.TryGetProperty("kind", out var k) ? k.GetString() : null;
            if (kind == "static")
            {
                var message = document.RootElement.Deserialize(BridgeJsonContext.Default.StaticMessage);
                environment = message?.Environment;
                files = message?.Files ?? [];
            }
            else if (kind == "import")
            {
                import = document.RootElement.Deserialize(BridgeJsonContext.Default.ImportFacts);
                environmentReads = document.RootElement.TryGetProperty("environ_reads", out var reads) && reads.ValueKind == JsonValueKind.Array
                    ? Strings(reads)
                    : null;
                filesRead = document.RootElement.TryGetProperty("files_read", out var read) && read.ValueKind == JsonValueKind.Object
                    ? new FilesRead(Strings(read.GetProperty("opened")), Strings(read.GetProperty("listed")))
                    : null;
            }
            else if (kind == "serve")
            {
                served = document.RootElement.Deserialize(BridgeJsonContext.Default.ServeFacts);
            }
            else if (kind == "packages")
            {
                var installed = document.RootElement.GetProperty("installed");
                packages = new PackagesAnswer(document.RootElement.GetProperty("key").GetRawText(),
                    installed.ValueKind == JsonValueKind.Object ? installed.GetRawText() : null);
            }
        }

        Trace.Mark("answer parsed");
        return new PythonFacts
        {
            Interpreter = request.Interpreter.Path,
            Host = host,
            Entrypoint = request.Entrypoint,
            Environment = environment,
            Files = files,
            Import = import,
            TimedOut = timedOut,
            TimeoutSeconds = request.Timeout.TotalSeconds,
            StuckAt = import is null ? UserFrameFromTraceback(stderrTail, request.Directory) : null,
            HardExitCode = import is null && !timedOut ? exitCode : null,
            PackagesAnswer = packages,
            Served = served,
            EnvironmentReads = environmentReads,
            FilesRead = filesRead,
            AnswerLines = answerLines,
            Packages = packages?.InstalledJson is { } json ? PackageQuery.Parse(json) : null,
            StderrTail = stderrTail,
        };
    }

    private static List<string> Strings(JsonElement array) => array.EnumerateArray().Select(r => r.GetString() ?? string.Empty).ToList();

    /// <summary>
    /// The innermost frame of the user's code in a faulthandler dump ("File "/x/app.py", line 3 in &lt;module&gt;",
    /// most recent call first) or a Python traceback (most recent call last).
    /// </summary>
    public static CodeLocation? UserFrameFromTraceback(string stderr, string directory)
    {
        var root = Path.GetFullPath(directory).TrimEnd('/') + "/";
        var faultDump = stderr.Contains("most recent call first", StringComparison.Ordinal);
        CodeLocation? found = null;
        foreach (Match match in FrameLine().Matches(stderr))
        {
            var file = match.Groups["file"].Value;
            if (!file.StartsWith(root, StringComparison.Ordinal))
            {
                continue;
            }

            var location = new CodeLocation(file[root.Length..], int.Parse(match.Groups["line"].Value, System.Globalization.CultureInfo.InvariantCulture));
            if (faultDump)
            {
                return location;
            }

            found = location;
        }

        return found;
    }

    [GeneratedRegex("File \"(?<file>[^\"]+)\", line (?<line>\\d+)")]
    private static partial Regex FrameLine();
}
