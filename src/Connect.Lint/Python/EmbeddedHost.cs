using System.Diagnostics;
using System.Text.Json;
using Connect.Lint.Rules.Model.Python;

namespace Connect.Lint.Python;

/// <summary>
/// CPython inside this process (<see cref="LibPython"/>). Same script, same facts as the process host, but it
/// cannot survive os._exit, a crash or a hang: after a timeout the interpreter is left behind and later
/// deployments go to the process host. Without a shared libpython it falls back to the process host.
/// </summary>
public sealed class EmbeddedHost : IPythonHost
{
    private static readonly object Gate = new();
    private static LibPython? _python;
    private static string? _poisoned;

    private readonly ProcessHost _fallback = new();

    public string Name => "embedded";

    public PythonFacts Run(BridgeRequest request)
    {
        LibPython python;
        lock (Gate)
        {
            var problem = _poisoned;
            if (problem is null)
            {
                try
                {
                    _python ??= LibPython.Load(FindSharedLibrary(request.Interpreter.Path), request.Interpreter.Path);
                    if (_python.ProgramName != request.Interpreter.Path)
                    {
                        problem = $"this process already embeds {_python.ProgramName}; one interpreter per process";
                    }
                }
                catch (Exception e) when (e is DllNotFoundException or InvalidOperationException or NotSupportedException or EntryPointNotFoundException or FileNotFoundException)
                {
                    problem = e.Message;
                }
            }

            if (problem is not null)
            {
                return _fallback.Run(request) with { HostFallbackReason = problem };
            }

            python = _python!;
        }

        var answerPath = Path.Combine(Path.GetTempPath(), $"connect-lint-{Environment.ProcessId}-{Guid.NewGuid():N}.jsonl");
        try
        {
            var source = $$"""
                exec(compile({{PythonLiteral.Of(BridgeProtocol.Script.Value)}}, "<connect-lint>", "exec"), _bridge := {"__name__": "__connect_lint__"})
                _bridge["run_embedded"]({{PythonLiteral.Of(BridgeProtocol.RequestJson(request))}}, {{PythonLiteral.Of(answerPath)}})
                """;
            var worker = new Thread(() => python.Run(source)) { IsBackground = true, Name = "connect-lint-python" };
            worker.Start();
            var timedOut = !worker.Join(request.Timeout);
            if (timedOut)
            {
                lock (Gate)
                {
                    _poisoned = $"an earlier import in this process did not finish (it still holds the interpreter)";
                }
            }

            var lines = File.Exists(answerPath) ? File.ReadAllLines(answerPath) : [];
            return BridgeAnswer.Parse(request, Name, lines, string.Empty, timedOut, exitCode: null);
        }
        finally
        {
            try
            {
                File.Delete(answerPath);
            }
            catch (IOException)
            {
            }
        }
    }

    /// <summary>The interpreter's shared libpython, as its sysconfig names it; it must exist (static builds have none).</summary>
    private static string FindSharedLibrary(string interpreter)
    {
        var start = new ProcessStartInfo(interpreter, ["-I", "-c", "import sysconfig as s; print(s.get_config_var('LIBDIR')); print(s.get_config_var('INSTSONAME')); print('%d.%d' % __import__('sys').version_info[:2])"]);
        var lines = Processes.BoundedProcess.Run(start, TimeSpan.FromSeconds(30)).Stdout.Split('\n', StringSplitOptions.TrimEntries);
        if (lines.Length < 3 || lines[0] == "None" || lines[1] == "None")
        {
            throw new DllNotFoundException($"{interpreter} names no shared libpython (a static build)");
        }

        var path = Path.Combine(lines[0], lines[1]);
        return File.Exists(path)
            ? path
            : throw new DllNotFoundException($"{path} does not exist (on Debian it comes with package libpython{lines[2]})");
    }
}
