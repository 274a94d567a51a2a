using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text;
using System.Text.Json;
using Connect.Lint.Rules.Model.Python;

namespace Connect.Lint.Python;

/// <summary>
/// One interpreter started for many deployments (bridge/fork_server.py): it loads what every import loads and forks a
/// fresh process per deployment, so a monorepo pays the interpreter's start and Flask's import once. Each deployment's
/// process is a session of its own with the process host's deadline and kill, its answers and output in files.
/// Linux only (fork without exec is not safe on macOS); used when a run has several deployments (see
/// <see cref="ForkServers"/>), never for a deployment whose own modules could shadow what the server preloaded.
/// </summary>
internal sealed class ForkServer : IDisposable
{
    private static readonly TimeSpan StartPatience = TimeSpan.FromSeconds(30);

    private readonly Process _process;
    private readonly IDisposable _tracked;
    private readonly string _bridgeCache;
    private readonly ConcurrentDictionary<int, Pending> _pending = new();
    private readonly TaskCompletionSource<IReadOnlySet<string>> _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private IReadOnlyList<(string Path, DateTime Modified)> _environment = [];
    private readonly object _writeGate = new();
    private int _nextId;

    private sealed class Pending
    {
        public TaskCompletionSource<int> Started { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
        public TaskCompletionSource<int> Ended { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }

    private ForkServer(InterpreterChoice interpreter)
    {
        Interpreter = interpreter;
        var start = new ProcessStartInfo(interpreter.Path)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardOutputEncoding = Encoding.UTF8,
        };
        start.ArgumentList.Add("-I");
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add(BridgeProtocol.Script.Value);
        start.ArgumentList.Add("--serve");
        _bridgeCache = CompiledBridgeCache.ArgumentFor(interpreter.Path);
        start.ArgumentList.Add(_bridgeCache);
        _process = Process.Start(start) ?? throw new InvalidOperationException("the interpreter did not start");
        _tracked = Processes.ChildProcesses.Track(_process, ownGroup: false);
        new Thread(ReadEvents) { IsBackground = true, Name = "connect-lint-fork-server" }.Start();
        new Thread(() => _process.StandardError.ReadToEnd()) { IsBackground = true, Name = "connect-lint-fork-server-stderr" }.Start();
    }

    public InterpreterChoice Interpreter { get; }

    /// <summary>A server for this interpreter that says it is ready, or null (the caller starts a process of its own).</summary>
    public static ForkServer? TryStart(InterpreterChoice interpreter)
    {
        try
        {
            var server = new ForkServer(interpreter);
            if (server._ready.Task.Wait(StartPatience))
            {
                CompiledBridgeCache.Record(server._bridgeCache); // it compiled the bridge before it said it was ready
                return server;
            }

            server.Dispose();
        }
        catch (Exception e) when (e is System.ComponentModel.Win32Exception or InvalidOperationException or IOException)
        {
        }

        return null;
    }

    /// <summary>
    /// Whether the interpreter and the directories its modules come from are as they were when it started: a pip
    /// install or upgrade changes a site-packages directory, and a replaced interpreter its own file.
    /// </summary>
    public bool EnvironmentUnchanged() => _environment.SequenceEqual(Stamp(_environment.Select(e => e.Path)));

    private static List<(string Path, DateTime Modified)> Stamp(IEnumerable<string> paths) =>
        paths.Select(p => (p, File.Exists(p) ? File.GetLastWriteTimeUtc(p) : Directory.Exists(p) ? Directory.GetLastWriteTimeUtc(p) : DateTime.MinValue)).ToList();

    /// <summary>Whether the deployment's own top-level modules leave what the server preloaded alone.</summary>
    public bool CanServe(string directory)
    {
        var preloaded = _ready.Task.Result;
        foreach (var entry in Directory.EnumerateFileSystemEntries(directory))
        {
            var name = Path.GetFileName(entry);
            var module = name.EndsWith(".py", StringComparison.Ordinal) ? name[..^3] : name.Split('.')[0];
            if (preloaded.Contains(module))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>One deployment in a fork, with the process host's deadline; the same facts as the process host.</summary>
    public PythonFacts Run(BridgeRequest request, string hostName)
    {
        var id = Interlocked.Increment(ref _nextId);
        var pending = _pending[id] = new Pending();
        var answerPath = AnswerFiles.NewPath(".answer");
        var stderrPath = AnswerFiles.NewPath(".stderr");
        try
        {
            var requestJson = BridgeProtocol.RequestJson(request);
            using (var document = JsonDocument.Parse(requestJson))
            {
                var line = JsonSerializer.Serialize(new ForkRequest(id, document.RootElement.Clone(), answerPath, stderrPath,
                    ["-c", requestJson, request.UseCache ? CompiledBridgeCache.ArgumentFor(request.Interpreter.Path) : string.Empty]), ForkJsonContext.Default.ForkRequest);
                lock (_writeGate)
                {
                    _process.StandardInput.WriteLine(line);
                    _process.StandardInput.Flush();
                }
            }

            var deadline = Stopwatch.StartNew();
            if (!pending.Started.Task.Wait(StartPatience))
            {
                throw new IOException("the fork server did not start the deployment's process");
            }

            var pid = pending.Started.Task.Result;
            using var tracked = Processes.ChildProcesses.TrackGroup(pid);
            var left = request.Timeout - deadline.Elapsed;
            var timedOut = !pending.Ended.Task.Wait(left > TimeSpan.Zero ? left : TimeSpan.Zero);
            Processes.BoundedProcess.KillGroup(pid); // at the deadline, and after the end: nothing the project started outlives its check
            int? exitCode = timedOut ? null : pending.Ended.Task.Result;
            return BridgeAnswer.Parse(request, hostName, AnswerFiles.ReadLines(answerPath), Tail(stderrPath), timedOut, exitCode);
        }
        finally
        {
            _pending.TryRemove(id, out _);
            AnswerFiles.Delete(answerPath);
            AnswerFiles.Delete(stderrPath);
        }
    }

    public void Dispose()
    {
        try
        {
            _process.StandardInput.Close(); // the server ends when its requests do
            if (!_process.WaitForExit(TimeSpan.FromSeconds(1)))
            {
                _process.Kill();
            }
        }
        catch (Exception e) when (e is IOException or InvalidOperationException)
        {
        }

        _tracked.Dispose();
        _process.Dispose();
    }

    private void ReadEvents()
    {
        try
        {
            while (_process.StandardOutput.ReadLine() is { } line)
            {
                using var document = JsonDocument.Parse(line);
                var root = document.RootElement;
                switch (root.GetProperty("event").GetString())
                {
                    case "ready":
                        _environment = Stamp([Interpreter.Path, .. root.TryGetProperty("path", out var path) ? path.EnumerateArray().Select(p => p.GetString()!) : []]);
                        _ready.TrySetResult(root.GetProperty("preloaded").EnumerateArray().Select(n => n.GetString()!).ToHashSet(StringComparer.Ordinal));
                        break;
                    case "started" when _pending.TryGetValue(root.GetProperty("id").GetInt32(), out var started):
                        started.Started.TrySetResult(root.GetProperty("pid").GetInt32());
                        break;
                    case "ended" when _pending.TryGetValue(root.GetProperty("id").GetInt32(), out var ended):
                        ended.Ended.TrySetResult(root.GetProperty("code").GetInt32());
                        break;
                }
            }
        }
        catch (Exception e) when (e is IOException or JsonException or InvalidOperationException or KeyNotFoundException)
        {
        }

        _ready.TrySetCanceled();
        foreach (var pending in _pending.Values)
        {
            pending.Started.TrySetCanceled();
            pending.Ended.TrySetCanceled();
        }
    }

    private static string Tail(string path)
    {
        try
        {
            using var stream = File.OpenRead(path);
            stream.Seek(Math.Max(0, stream.Length - (64 * 1024)), SeekOrigin.Begin);
            using var reader = new StreamReader(stream, Encoding.UTF8);
            return reader.ReadToEnd();
        }
        catch (IOException)
        {
            return string.Empty;
        }
    }
}

/// <summary>A request line to the fork server.</summary>
internal sealed record ForkRequest(
    [property: System.Text.Json.Serialization.JsonPropertyName("id")] int Id,
    [property: System.Text.Json.Serialization.JsonPropertyName("request")] JsonElement Request,
    [property: System.Text.Json.Serialization.JsonPropertyName("answer")] string Answer,
    [property: System.Text.Json.Serialization.JsonPropertyName("stderr")] string Stderr,
    [property: System.Text.Json.Serialization.JsonPropertyName("argv")] IReadOnlyList<string> Argv);

[System.Text.Json.Serialization.JsonSerializable(typeof(ForkRequest))]
internal sealed partial class ForkJsonContext : System.Text.Json.Serialization.JsonSerializerContext;

/// <summary>
/// The fork servers of one run of several deployments, one per interpreter, ended with the run. Outside such a scope
/// (a single deployment, tests, inspect) every deployment gets a process of its own.
/// </summary>
public sealed class ForkServers : IDisposable
{
    private static readonly AsyncLocal<ForkServers?> CurrentScope = new();
    private readonly ConcurrentDictionary<string, Lazy<ForkServer?>> _servers = new(StringComparer.Ordinal);
    private readonly ForkServers? _outer;
    private readonly ConcurrentBag<ForkServer> _retired = [];

    /// <summary>Told the interpreter's path when its warm process was replaced because its environment changed.</summary>
    public Action<string>? Restarted { get; init; }

    private ForkServers()
    {
        _outer = CurrentScope.Value;
        CurrentScope.Value = this;
    }

    /// <summary>Starts a scope when it can help: several deployments, on Linux.</summary>
    public static ForkServers? For(int deployments) =>
        deployments > 1 && CurrentScope.Value is null && OperatingSystem.IsLinux() && Environment.GetEnvironmentVariable("CONNECT_LINT_NO_FORK_SERVER") != "1" ? new ForkServers() : null;

    /// <summary>
    /// For a process that checks again and again (the language server): one warm interpreter per Python, on Linux,
    /// for as long as the scope lives. Null where forking is not used (another OS, CONNECT_LINT_NO_FORK_SERVER=1).
    /// </summary>
    /// <param name="restarted">Told when an interpreter's warm process is replaced because its environment changed.</param>
    public static ForkServers? ForLongRun(Action<string>? restarted = null) =>
        OperatingSystem.IsLinux() && Environment.GetEnvironmentVariable("CONNECT_LINT_NO_FORK_SERVER") != "1" ? new ForkServers { Restarted = restarted } : null;

    internal static ForkServer? ServerFor(BridgeRequest request)
    {
        if (CurrentScope.Value is not { } scope || request.StaticOnly || request.OwnProcess)
        {
            return null;
        }

        var entry = scope._servers.GetOrAdd(request.Interpreter.Path, _ => new Lazy<ForkServer?>(() => ForkServer.TryStart(request.Interpreter)));
        if (entry.Value is { } stale && !stale.EnvironmentUnchanged()
            && scope._servers.TryUpdate(request.Interpreter.Path, new Lazy<ForkServer?>(() => ForkServer.TryStart(request.Interpreter)), entry))
        {
            scope._retired.Add(stale); // a check still forking from it finishes; it goes with the scope
            scope.Restarted?.Invoke(request.Interpreter.Path);
        }

        var server = scope._servers[request.Interpreter.Path].Value;
        return server is not null && server.CanServe(request.Directory) ? server : null;
    }

    public void Dispose()
    {
        CurrentScope.Value = _outer;
        foreach (var server in _servers.Values.Where(s => s.IsValueCreated).Select(s => s.Value).Concat(_retired))
        {
            server?.Dispose();
        }
    }
}
