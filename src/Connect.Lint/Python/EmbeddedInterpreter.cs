using System.Collections.Concurrent;
using System.Reflection;
using System.Runtime.InteropServices;
using Python.Runtime;

namespace Connect.Lint.Python;

/// <summary>
/// The project's CPython inside this process, through pythonnet: one per process, initialised by a thread of its own
/// which then runs every deployment (Python's main thread, as in the process host). The bridge package is loaded
/// once, before any project code, so what it keeps of json, os and sys cannot be patched by a project.
/// </summary>
internal sealed class EmbeddedInterpreter
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(30);

    private readonly BlockingCollection<Action> _work = new();
    private PyObject? _runEmbedded;
    private PyObject? _stuckTraceback;
    private PyObject? _takeLateInterrupt;
    private ulong _hostThread;

    private EmbeddedInterpreter(string interpreter, string library)
    {
        Interpreter = interpreter;
        Library = library;
    }

    /// <summary>The python whose environment this is (a venv's bin/python3): its sys.prefix decides the site-packages.</summary>
    public string Interpreter { get; }

    public string Library { get; }

    /// <summary>Loads libpython, initialises it isolated and loads the bridge, on a new thread; throws when that fails.</summary>
    public static EmbeddedInterpreter Start(string interpreter)
    {
        if (!EmbeddedCompanion.InProcess)
        {
            throw new NotSupportedException("this build of connect-lint is Native AOT, which cannot host pythonnet, and its companion (embedded/connect-lint.dll) is missing");
        }

        var embedded = new EmbeddedInterpreter(interpreter, SharedLibPython.Find(interpreter));
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var thread = new Thread(() => embedded.Serve(started)) { IsBackground = true, Name = "connect-lint-python" };
        thread.Start();

        // Start-up runs the environment's site hooks (.pth files), which may hang: the process host then answers.
        if (!((IAsyncResult)started.Task).AsyncWaitHandle.WaitOne(StartTimeout))
        {
            throw new InvalidOperationException($"{interpreter} did not start within {StartTimeout.TotalSeconds:0} s (a .pth file in its environment?)");
        }

        started.Task.GetAwaiter().GetResult();
        return embedded;
    }

    /// <summary>One deployment on the interpreter's thread: the code os._exit or os.abort would have ended the process with, or null (see embedded.py).</summary>
    public Task<int?> RunDeployment(string requestJson, string answerPath)
    {
        var done = new TaskCompletionSource<int?>(TaskCreationOptions.RunContinuationsAsynchronously);
        _work.Add(() =>
        {
            try
            {
                using (Py.GIL())
                {
                    Trace.Mark("embedded: deployment");
                    using var result = _runEmbedded!.Invoke(new PyString(requestJson), new PyString(answerPath));
                    Trace.Mark("embedded: deployment answered");
                    done.SetResult(result.IsNone() ? null : result.As<int>());
                }
            }
            catch (Exception e)
            {
                done.SetException(e);
            }
        });
        return done.Task;
    }

    /// <summary>
    /// After a timeout, from another thread: where the import is stuck (faulthandler's format), then a
    /// KeyboardInterrupt raised in it so that the bridge can put the process back. Null when the GIL cannot be had
    /// within <paramref name="patience"/> (the import holds it in C code): then nothing is interrupted.
    /// </summary>
    public string? InterruptStuckImport(TimeSpan patience)
    {
        string? traceback = null;
        var helper = new Thread(() =>
        {
            using (Py.GIL())
            {
                using var text = _stuckTraceback!.Invoke();
                traceback = text.As<string>();
                PythonEngine.Interrupt(_hostThread);
            }
        }) { IsBackground = true, Name = "connect-lint-python-interrupt" };
        helper.Start();
        return helper.Join(patience) ? traceback : null;
    }

    /// <summary>After an interrupted import ended: the interruption, if it has not struck yet, strikes here.</summary>
    public Task TakeLateInterrupt()
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _work.Add(() =>
        {
            try
            {
                using (Py.GIL())
                {
                    _takeLateInterrupt!.Invoke().Dispose();
                }
            }
            catch (PythonException)
            {
                // It struck on entering the function.
            }

            done.SetResult();
        });
        return done.Task;
    }

    private void Serve(TaskCompletionSource started)
    {
        try
        {
            Initialise();
        }
        catch (Exception e)
        {
            started.SetException(e);
            return;
        }

        started.SetResult();
        foreach (var work in _work.GetConsumingEnumerable())
        {
            work();
        }
    }

    private void Initialise()
    {
        Runtime.PythonDLL = Library;
        PythonEngine.ProgramName = Interpreter;
        IsolatedMode.Set(Library);
        Trace.Mark("embedded: start");
        PythonEngine.Initialize(setSysArgv: false);
        Trace.Mark("embedded: pythonnet initialised");
        NeverFinaliseAtExit();
        using (Py.GIL())
        {
            using var scope = Py.CreateScope();
            scope.Set("__name__", "__connect_lint__");
            scope.Exec(BridgeScript.BuildEmbedded());
            using var bridge = scope.Get("_bridge");
            using var embedded = bridge.GetAttr("embedded");
            using var runtimeDirectory = new PyString(RuntimeEnvironment.GetRuntimeDirectory());
            embedded.InvokeMethod("forget_runtime_directory", runtimeDirectory).Dispose();
            _runEmbedded = embedded.GetAttr("run_embedded");
            _stuckTraceback = embedded.GetAttr("stuck_traceback");
            _takeLateInterrupt = embedded.GetAttr("take_late_interrupt");
            using var hostThread = embedded.GetAttr("HOST_THREAD");
            _hostThread = hostThread.As<ulong>();
            CheckLibraryBelongsToInterpreter();
        }

        Trace.Mark("embedded: bridge loaded");
        PythonEngine.BeginAllowThreads();
    }

    /// <summary>
    /// The library found beside the interpreter must be the one its own sysconfig names (LIBDIR/INSTSONAME):
    /// another build's library with this interpreter's standard library would answer for the wrong Python.
    /// </summary>
    private void CheckLibraryBelongsToInterpreter()
    {
        using var sysconfig = Py.Import("sysconfig");
        using var libDir = sysconfig.InvokeMethod("get_config_var", new PyString("LIBDIR"));
        using var soName = sysconfig.InvokeMethod("get_config_var", new PyString("INSTSONAME"));
        var named = libDir.IsNone() || soName.IsNone() ? null : Path.Combine(libDir.As<string>(), soName.As<string>());
        if (named is null || RealPath(named) != RealPath(Library))
        {
            throw new DllNotFoundException($"{Library} is not the library {Interpreter} was built with ({named ?? "none"})");
        }
    }

    private static string RealPath(string path) => File.ResolveLinkTarget(path, returnFinalTarget: true)?.FullName ?? Path.GetFullPath(path);

    /// <summary>
    /// pythonnet finalises Python when the process exits; that would wait for the threads project code started and
    /// for an import that timed out. The tool's report is complete by then: the process just ends.
    /// </summary>
    private static void NeverFinaliseAtExit()
    {
        var onExit = typeof(PythonEngine).GetMethod("OnProcessExit", BindingFlags.NonPublic | BindingFlags.Static);
        if (onExit is not null)
        {
            AppDomain.CurrentDomain.ProcessExit -= (EventHandler)Delegate.CreateDelegate(typeof(EventHandler), onExit);
        }
    }
}
