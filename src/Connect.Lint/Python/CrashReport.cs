using System.Diagnostics;

namespace Connect.Lint.Python;

/// <summary>
/// A crash inside the embedded interpreter (a segfault in a C extension) ends this process where no .NET code runs
/// any more. A watcher beside it, a shell reading a pipe from us, sees the pipe close: unless the last thing we wrote
/// was that the run ended, it writes the line we left for that moment to stderr. The exit status is the signal's.
/// </summary>
internal static class CrashReport
{
    private const string Ended = "ended";
    private static readonly object Gate = new();
    private static StreamWriter? _watcher;

    /// <summary>Leaves the line for a crash during this deployment's import; disposing leaves the line for any later crash.</summary>
    public static IDisposable While(BridgeRequest request)
    {
        Leave($"connect-lint: the embedded Python crashed while importing '{request.Entrypoint}' from {request.Directory}; " +
              "run again with --python-host process to have the crash reported as a diagnostic");
        return new Idle();
    }

    private static void Leave(string line)
    {
        lock (Gate)
        {
            _watcher ??= StartWatcher();
            try
            {
                _watcher?.WriteLine(line);
            }
            catch (IOException)
            {
            }
        }
    }

    private static StreamWriter? StartWatcher()
    {
        var start = new ProcessStartInfo("/bin/sh") { RedirectStandardInput = true, UseShellExecute = false };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add($"last={Ended}; while IFS= read -r line; do last=$line; done; [ \"$last\" = {Ended} ] || printf '%s\\n' \"$last\" >&2");
        try
        {
            var watcher = Process.Start(start);
            if (watcher is null)
            {
                return null;
            }

            var writer = watcher.StandardInput;
            writer.AutoFlush = true;
            AppDomain.CurrentDomain.ProcessExit += (_, _) => Leave(Ended);
            return writer;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return null; // no /bin/sh: a crash then ends the tool without the line
        }
    }

    private sealed class Idle : IDisposable
    {
        public void Dispose() => Leave("connect-lint: the embedded Python crashed (a thread that project code started); " +
                                       "run again with --python-host process");
    }
}
