using Connect.Lint.Rules.Model.Python;
using Python.Runtime;

namespace Connect.Lint.Python;

/// <summary>
/// CPython inside this process (<see cref="EmbeddedInterpreter"/>): the same bridge and the same facts as the process
/// host. os._exit, sys.exit and os.abort during the import become diagnostics; after a timeout the import is
/// interrupted and the process put back, and when it cannot be interrupted the interpreter is left to it and later
/// deployments go to the process host. A crash (a segfault) ends the tool: <see cref="CrashReport"/> says so.
/// Without a shared libpython it says why (python-unavailable) and the process host runs instead.
/// </summary>
public sealed class EmbeddedHost : IPythonHost
{
    private static readonly object Gate = new();
    private static readonly object OneAtATime = new();
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(2);
    private static EmbeddedInterpreter? _interpreter;
    private static string? _unusable;

    private readonly ProcessHost _fallback = new();

    public string Name => "embedded";

    public PythonFacts Run(BridgeRequest request)
    {
        // One deployment at a time: the interpreter is one, its working directory is the process's, and a
        // deployment's timeout must not start while it waits behind another (which may lose the interpreter).
        string problem;
        lock (OneAtATime)
        {
            if (InterpreterFor(request, out problem) is { } interpreter)
            {
                return RunOn(interpreter, request);
            }
        }

        return _fallback.Run(request) with { HostFallbackReason = problem };
    }

    /// <summary>The process's interpreter, started on first use; null with the reason when it cannot serve this request.</summary>
    private static EmbeddedInterpreter? InterpreterFor(BridgeRequest request, out string problem)
    {
        lock (Gate)
        {
            problem = _unusable ?? string.Empty;
            if (_unusable is not null)
            {
                return null;
            }

            try
            {
                _interpreter ??= EmbeddedInterpreter.Start(request.Interpreter.Path);
            }
            catch (Exception e) when (e is DllNotFoundException or InvalidOperationException or NotSupportedException or EntryPointNotFoundException or BadImageFormatException or IOException or PythonException)
            {
                _unusable = problem = e.Message;
                return null;
            }

            if (_interpreter.Interpreter != request.Interpreter.Path)
            {
                problem = $"this process already embeds {_interpreter.Interpreter}; one interpreter per process";
                return null;
            }

            return _interpreter;
        }
    }

    private PythonFacts RunOn(EmbeddedInterpreter interpreter, BridgeRequest request)
    {
        var answerPath = AnswerFiles.NewPath(".jsonl");
        var workingDirectory = Environment.CurrentDirectory;
        try
        {
            using var running = CrashReport.While(request);
            var deployment = interpreter.RunDeployment(BridgeProtocol.RequestJson(request), answerPath);
            if (!deployment.Wait(request.Timeout))
            {
                return AfterTimeout(interpreter, request, deployment, answerPath, workingDirectory);
            }

            return BridgeAnswer.Parse(request, Name, AnswerFiles.ReadLines(answerPath), string.Empty, timedOut: false, deployment.Result ?? 0);
        }
        catch (AggregateException e) when (e.InnerException is PythonException python)
        {
            // The bridge itself failed: as when the process host's interpreter ends with a traceback.
            return BridgeAnswer.Parse(request, Name, AnswerFiles.ReadLines(answerPath), python.Message, timedOut: false, exitCode: 1);
        }
        finally
        {
            AnswerFiles.Delete(answerPath);
        }
    }

    private PythonFacts AfterTimeout(EmbeddedInterpreter interpreter, BridgeRequest request, Task<int?> deployment, string answerPath, string workingDirectory)
    {
        // What was answered before the timeout (the static facts), and where the import is stuck, as the process host sees them.
        var lines = AnswerFiles.ReadLines(answerPath);
        var stuck = interpreter.InterruptStuckImport(Patience);
        if (stuck is null || !deployment.Wait(Patience))
        {
            lock (Gate)
            {
                _unusable = "an earlier import in this process did not finish and could not be interrupted (it still holds the interpreter)";
            }

            // The stuck import may have left the process in its directory: relative paths of the report must not follow it.
            Directory.SetCurrentDirectory(workingDirectory);
        }
        else
        {
            interpreter.TakeLateInterrupt().Wait(Patience);
        }

        return BridgeAnswer.Parse(request, Name, lines, stuck ?? string.Empty, timedOut: true, exitCode: null);
    }
}
