using System.Diagnostics;
using System.Runtime.InteropServices;
using System.Text;

namespace Connect.Lint.Processes;

/// <summary>What a child process left: its output, the tail of its stderr, how it ended.</summary>
/// <param name="ExitCode">The exit code, death by signal N as -N; null when it was killed at the deadline.</param>
public sealed record ProcessOutcome(string Stdout, string StderrTail, int? ExitCode, bool TimedOut)
{
    public bool Succeeded => ExitCode == 0;
}

/// <summary>
/// Runs a child process with a hard deadline, the only way the tool starts one (Python, git). At the deadline —
/// and also after a normal exit — the child's whole process group is killed, so a grandchild that user code
/// started cannot outlive the check; reading its pipes stops shortly after, even if some process that escaped
/// the group still holds them open. Standard output is kept up to a limit, standard error as a tail.
/// </summary>
public static class BoundedProcess
{
    private const int StderrKeepChars = 64 * 1024;
    private const long MaxStdoutChars = 256L * 1024 * 1024;

    /// <summary>How long the pipes may stay open once the child is gone (held by a process outside its group).</summary>
    private static readonly TimeSpan DrainGrace = TimeSpan.FromSeconds(1);

    /// <param name="ownGroup">True when the child makes itself a process-group leader (the bridge calls setsid):
    /// its group is then killed as a whole.</param>
    public static ProcessOutcome Run(ProcessStartInfo start, TimeSpan timeout, string? stdin = null, bool ownGroup = false)
    {
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        start.RedirectStandardInput = true;
        start.UseShellExecute = false;
        start.StandardOutputEncoding = Encoding.UTF8;
        start.StandardErrorEncoding = Encoding.UTF8;

        using var process = new Process { StartInfo = start };
        process.Start();
        var pid = process.Id;
        using var tracked = ChildProcesses.Track(process, ownGroup);
        var stdout = new StringBuilder();
        var stderr = new StringBuilder();
        // Threads of their own: blocking pipe reads on pool threads starve a 2-core machine's pool for a second.
        var readOut = Dedicated(() => Pump(process.StandardOutput, stdout, keepTail: false));
        var readErr = Dedicated(() => Pump(process.StandardError, stderr, keepTail: true));
        var write = Dedicated(() =>
        {
            try
            {
                if (stdin is not null)
                {
                    process.StandardInput.Write(stdin);
                }

                process.StandardInput.Close();
            }
            catch (IOException)
            {
                // The child closed its stdin or died: what it did not read does not matter.
            }
        });

        var timedOut = !process.WaitForExit(timeout);
        if (timedOut)
        {
            KillGroup(pid, ownGroup);
            try
            {
                process.Kill(entireProcessTree: true);
            }
            catch (InvalidOperationException)
            {
            }

            process.WaitForExit(DrainGrace);
        }
        else if (ownGroup)
        {
            KillGroup(pid, ownGroup); // whatever user code left running in the child's group
        }

        Task.WaitAll([readOut, readErr, write], DrainGrace);
        int? exitCode = timedOut || !process.HasExited ? null : ExitCodeOf(process);
        var tail = Snapshot(stderr);
        return new ProcessOutcome(Snapshot(stdout), tail.Length > StderrKeepChars ? tail[^StderrKeepChars..] : tail, exitCode, timedOut);
    }

    private static Task Dedicated(Action action) =>
        Task.Factory.StartNew(action, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);

    private static void Pump(StreamReader reader, StringBuilder into, bool keepTail)
    {
        var buffer = new char[8192];
        try
        {
            int read;
            while ((read = reader.Read(buffer, 0, buffer.Length)) > 0)
            {
                lock (into)
                {
                    into.Append(buffer, 0, read);
                    if (keepTail && into.Length > 2 * StderrKeepChars)
                    {
                        into.Remove(0, into.Length - StderrKeepChars);
                    }
                    else if (!keepTail && into.Length > MaxStdoutChars)
                    {
                        return; // an answer this large is not one: stop keeping it, the caller sees it truncated
                    }
                }
            }
        }
        catch (Exception e) when (e is IOException or ObjectDisposedException)
        {
        }
    }

    private static string Snapshot(StringBuilder builder)
    {
        lock (builder)
        {
            return builder.ToString();
        }
    }

    private static void KillGroup(int pid, bool ownGroup)
    {
        if (ownGroup)
        {
            KillGroup(pid);
        }
    }

    /// <summary>SIGKILL to the process group led by <paramref name="pid"/> (a child that called setsid); nothing on Windows.</summary>
    internal static void KillGroup(int pid)
    {
        if (!OperatingSystem.IsWindows())
        {
            _ = Kill(-pid, SigKill);
        }
    }

    /// <summary>The exit code, with death by signal N reported as -N (the shell's 128+N).</summary>
    private static int ExitCodeOf(Process process) =>
        process.ExitCode > 128 && process.ExitCode < 160 ? -(process.ExitCode - 128) : process.ExitCode;

    private const int SigKill = 9;

    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int Kill(int pid, int signal);
}
