using System.Diagnostics;
using System.Text;
using Connect.Lint.Rules.Model.Python;

namespace Connect.Lint.Python;

/// <summary>
/// The default host: the interpreter as a child process (-I), answers on stdout while user output goes to
/// stderr, a timeout that kills the whole process tree. It survives everything user code can do.
/// </summary>
public sealed class ProcessHost : IPythonHost
{
    private const int StderrKeepChars = 64 * 1024;

    public string Name => "process";

    public PythonFacts Run(BridgeRequest request)
    {
        var start = new ProcessStartInfo(request.Interpreter.Path)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            WorkingDirectory = request.Directory,
        };
        start.ArgumentList.Add("-I");
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add(BridgeProtocol.Script.Value);
        start.ArgumentList.Add(BridgeProtocol.RequestJson(request));

        var lines = new List<string>();
        var stderr = new StringBuilder();
        using var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is not null)
            {
                lock (lines)
                {
                    lines.Add(e.Data);
                }
            }
        };
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is null)
            {
                return;
            }

            lock (stderr)
            {
                stderr.Append(e.Data).Append('\n');
                if (stderr.Length > 2 * StderrKeepChars)
                {
                    stderr.Remove(0, stderr.Length - StderrKeepChars);
                }
            }
        };

        Trace.Mark("python start");
        process.Start();
        process.StandardInput.Close();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var timedOut = !process.WaitForExit(request.Timeout);
        if (timedOut)
        {
            try
            {
                process.Kill(entireProcessTree: true);
            }
            catch (InvalidOperationException)
            {
            }
        }

        process.WaitForExit();
        Trace.Mark("python exited");
        string tail;
        lock (stderr)
        {
            tail = stderr.Length > StderrKeepChars ? stderr.ToString(stderr.Length - StderrKeepChars, StderrKeepChars) : stderr.ToString();
        }

        List<string> answer;
        lock (lines)
        {
            answer = [.. lines];
        }

        return BridgeAnswer.Parse(request, Name, answer, tail, timedOut, timedOut ? null : ExitCodeOf(process));
    }

    /// <summary>The exit code, with death by signal N reported as -N (the shell's 128+N).</summary>
    private static int ExitCodeOf(Process process) => process.ExitCode > 128 && process.ExitCode < 160 ? -(process.ExitCode - 128) : process.ExitCode;
}
