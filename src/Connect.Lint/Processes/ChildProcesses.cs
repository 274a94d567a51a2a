using System.Collections.Concurrent;
using System.Diagnostics;
using System.Runtime.InteropServices;

namespace Connect.Lint.Processes;

/// <summary>
/// Every process the tool has running, and the one way they all end with it. A bridge is a session of its own
/// (setsid), so the terminal's Ctrl+C, a CI runner's SIGTERM or a closed terminal's SIGHUP never reach it: without
/// this list a hanging import outlived the tool that started it. <see cref="InstallSignalHandlers"/> kills every
/// registered child and group on SIGINT, SIGTERM and SIGHUP and at any exit, then ends the tool with the shell's
/// code for that signal (130 for Ctrl+C, 143 for SIGTERM, 129 for SIGHUP).
/// </summary>
public static class ChildProcesses
{
    private static readonly ConcurrentDictionary<long, Entry> Running = new();
    private static long _next;
    private static PosixSignalRegistration[] _registrations = [];
    private static volatile bool _ending;

    private sealed record Entry(Process? Process, int Pid, bool OwnGroup);

    /// <summary>Kills every child and group on the signals a user, a terminal or a CI runner sends, and at exit.</summary>
    public static void InstallSignalHandlers()
    {
        if (OperatingSystem.IsWindows() || _registrations.Length > 0)
        {
            return;
        }

        _registrations =
        [
            PosixSignalRegistration.Create(PosixSignal.SIGINT, context => EndWith(context, 130)),
            PosixSignalRegistration.Create(PosixSignal.SIGTERM, context => EndWith(context, 143)),
            PosixSignalRegistration.Create(PosixSignal.SIGHUP, context => EndWith(context, 129)),
        ];
        AppDomain.CurrentDomain.ProcessExit += (_, _) => KillAll();
    }

    /// <summary>
    /// The exit code of a tool being stopped by a signal (130, 143, 129), else null: the main thread, which may
    /// finish first once its child was killed, ends with it too.
    /// </summary>
    public static int? SignalExitCode { get; private set; }

    /// <summary>
    /// The children first, then the tool, with the shell's code for death by that signal (128 + N). Ending here rather
    /// than through the default action keeps the code the same whether or not the main thread saw its child die first.
    /// </summary>
    private static void EndWith(PosixSignalContext context, int exitCode)
    {
        SignalExitCode = exitCode;
        KillAll();
        context.Cancel = true;
        Environment.Exit(exitCode);
    }

    /// <summary>Keeps <paramref name="process"/> on the list until the returned handle is disposed.</summary>
    /// <param name="ownGroup">True when the child leads a process group of its own (it called setsid): the group is killed too.</param>
    public static IDisposable Track(Process process, bool ownGroup) => Track(process, process.Id, ownGroup);

    /// <summary>A process the tool did not start itself but answers for (a fork server's child, which leads its own session).</summary>
    public static IDisposable TrackGroup(int pid) => Track(null, pid, ownGroup: true);

    private static IDisposable Track(Process? process, int pid, bool ownGroup)
    {
        var key = Interlocked.Increment(ref _next);
        Running[key] = new Entry(process, pid, ownGroup);
        if (_ending)
        {
            KillAll(); // started while the tool was being stopped: it goes too
        }

        return new Handle(key);
    }

    /// <summary>SIGKILL to every registered group and process, and their descendants the tool can see.</summary>
    public static void KillAll()
    {
        _ending = true;
        foreach (var (key, entry) in Running.ToArray())
        {
            if (entry.OwnGroup)
            {
                BoundedProcess.KillGroup(entry.Pid);
            }

            try
            {
                entry.Process?.Kill(entireProcessTree: true);
            }
            catch (Exception e) when (e is InvalidOperationException or System.ComponentModel.Win32Exception or NotSupportedException)
            {
                // it had already ended
            }

            Running.TryRemove(key, out _);
        }
    }

    private sealed class Handle(long key) : IDisposable
    {
        public void Dispose() => Running.TryRemove(key, out _);
    }
}
