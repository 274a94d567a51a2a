using System.Diagnostics;
using System.Text;
using Xunit;

namespace Connect.Lint.Tests;

/// <summary>
/// No child outlives the tool: stopped by Ctrl+C (SIGINT), a CI runner (SIGTERM) or its editor closing the pipe while
/// an import hangs, the tool takes every process it started with it — the import (a session of its own, which no
/// terminal signal reaches), what the import started, the warm interpreter, the rehearsal's environment.
/// </summary>
[Collection(Alone.Name)]
public sealed class ChildProcessLifetimeTests
{
    /// <summary>Writes its pid and a grandchild's, then never finishes importing.</summary>
    private const string HangingApp = """
        import os, subprocess, sys, time
        if HANG:
            child = subprocess.Popen(["sleep", "600"])
            with open(os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "pids"), "a") as handle:
                handle.write("%d %d\n" % (os.getpid(), child.pid))
            time.sleep(600)
        from flask import Flask
        app = Flask(__name__)
        """;

    public static TheoryData<string, string> Cases() => new()
    {
        { "check", "INT" }, { "check", "TERM" }, { "check", "HUP" },
        { "watch", "INT" }, { "watch", "TERM" },
        { "server", "INT" }, { "server", "TERM" }, { "server", "stdin closed" },
        { "rehearse", "INT" }, { "rehearse", "TERM" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void StoppedDuringAHangingImport_TheToolLeavesNoProcessBehind(string mode, string stop)
    {
        using var project = TempProject.Empty();
        // The rehearsal's import is the one that hangs there: the check's own import (the machine's Flask) goes through.
        var hang = mode == "rehearse" ? "'rehearsals' in sys.prefix" : "True";
        project.Write("app.py", HangingApp.Replace("HANG", hang, StringComparison.Ordinal));
        project.Write("requirements.txt", "flask==2.2.2\n");
        var pids = Path.Combine(project.Root, "pids");
        string[] arguments = mode switch
        {
            "server" => ["server"],
            "watch" => ["check", "project", "--python", TestPython.Path, "--import-timeout", "600", "--watch"],
            "rehearse" => ["check", "project", "--python", TestPython.Path, "--import-timeout", "600", "--rehearse"],
            _ => ["check", "project", "--python", TestPython.Path, "--import-timeout", "600"],
        };
        if (mode == "server")
        {
            project.Write("pyproject.toml", $"[tool.connect-lint]\npython = \"{TestPython.Path}\"\n");
        }

        using var tool = StartWithDefaultSignals(project.Root, arguments, Wheelhouse.Environment(Path.Combine(project.Root, "cache")));
        if (mode == "server")
        {
            Initialize(tool, project.Directory);
        }

        // Every process of the run: the import and what it started, and all the tool's descendants (fork server, pip, git).
        var hanging = WaitForPids(pids, tool).Concat(DescendantsOf(tool.Id)).Distinct().ToList();
        if (stop == "stdin closed")
        {
            tool.StandardInput.Close(); // the editor went away mid-import
        }
        else
        {
            Assert.Equal(0, Kill(tool.Id, stop == "INT" ? 2 : stop == "TERM" ? 15 : 1));
        }

        Assert.True(tool.WaitForExit(30_000), "the tool did not end");
        var deadline = Stopwatch.StartNew();
        while (hanging.Any(IsAlive) && deadline.Elapsed < TimeSpan.FromSeconds(2))
        {
            Thread.Sleep(50);
        }

        var left = hanging.Where(IsAlive).ToList();
        foreach (var pid in left)
        {
            _ = Kill(pid, 9);
        }

        Assert.True(left.Count == 0, $"{mode}, {stop}: processes left running 2 s after the tool ended: {string.Join(", ", left)}");
        if (stop != "stdin closed")
        {
            Assert.Equal(stop == "INT" ? 130 : stop == "TERM" ? 143 : 129, tool.ExitCode);
        }
    }

    /// <summary>
    /// The test build, with SIGINT's default action restored first: a process started in the background of a
    /// non-interactive shell (as CI may start the suite) inherits SIGINT ignored, and a terminal's Ctrl+C is the case.
    /// </summary>
    private static Process StartWithDefaultSignals(string directory, string[] arguments, Dictionary<string, string?> environment)
    {
        var start = new ProcessStartInfo(TestPython.Path)
        {
            WorkingDirectory = directory, RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true,
        };
        foreach (var argument in (string[])["-c", "import os, signal, sys; signal.signal(signal.SIGINT, signal.SIG_DFL); os.execvp(sys.argv[1], sys.argv[1:])",
                     "dotnet", Path.Combine(AppContext.BaseDirectory, "connect-lint.dll"), .. arguments])
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        var process = Process.Start(start)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginErrorReadLine();
        if (arguments[0] != "server")
        {
            process.BeginOutputReadLine();
        }

        return process;
    }

    private static void Initialize(Process server, string workspace)
    {
        foreach (var message in (string[])[
                     $$$"""{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"processId":null,"rootUri":"{{{new Uri(workspace).AbsoluteUri}}}","capabilities":{},"initializationOptions":{"importTimeout":600},"workspaceFolders":[{"uri":"{{{new Uri(workspace).AbsoluteUri}}}","name":"w"}]}}""",
                     """{"jsonrpc":"2.0","method":"initialized","params":{}}""",
                 ])
        {
            var body = Encoding.UTF8.GetBytes(message);
            server.StandardInput.BaseStream.Write(Encoding.ASCII.GetBytes($"Content-Length: {body.Length}\r\n\r\n"));
            server.StandardInput.BaseStream.Write(body);
            server.StandardInput.BaseStream.Flush();
        }

        // The server's answers are not read here: a pipe's buffer holds them.
    }

    /// <summary>The import's pid and its child's, once the import has written them (a cold rehearsal first makes its environment).</summary>
    private static List<int> WaitForPids(string path, Process tool)
    {
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < TimeSpan.FromSeconds(180))
        {
            if (File.Exists(path) && File.ReadAllText(path).Split((char[])[' ', '\n'], StringSplitOptions.RemoveEmptyEntries) is { Length: >= 2 } written)
            {
                return written.Select(int.Parse).ToList();
            }

            Assert.False(tool.HasExited, $"the tool ended before the import hung (exit {(tool.HasExited ? tool.ExitCode : 0)})");
            Thread.Sleep(50);
        }

        throw new TimeoutException("the import did not start within 180 s");
    }

    /// <summary>The processes below <paramref name="root"/> now, from /proc's parent links.</summary>
    private static List<int> DescendantsOf(int root)
    {
        var parents = new Dictionary<int, int>();
        foreach (var directory in Directory.EnumerateDirectories("/proc"))
        {
            if (int.TryParse(Path.GetFileName(directory), out var pid))
            {
                try
                {
                    var stat = File.ReadAllText(Path.Combine(directory, "stat"));
                    parents[pid] = int.Parse(stat[(stat.LastIndexOf(')') + 2)..].Split(' ')[1], System.Globalization.CultureInfo.InvariantCulture);
                }
                catch (IOException)
                {
                    // ended meanwhile
                }
            }
        }

        var found = new List<int>();
        var pending = new Queue<int>([root]);
        while (pending.TryDequeue(out var parent))
        {
            foreach (var (child, _) in parents.Where(p => p.Value == parent))
            {
                found.Add(child);
                pending.Enqueue(child);
            }
        }

        return found;
    }

    /// <summary>Running: a zombie (dead, not yet reaped by an init that does not reap) counts as gone.</summary>
    private static bool IsAlive(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            return stat[(stat.LastIndexOf(')') + 2)..][0] != 'Z';
        }
        catch (IOException)
        {
            return false;
        }
    }

    [System.Runtime.InteropServices.DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int Kill(int pid, int signal);
}
