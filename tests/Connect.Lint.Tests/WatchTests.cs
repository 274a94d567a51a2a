using System.Diagnostics;
using System.Text;
using Xunit;

namespace Connect.Lint.Tests;

/// <summary>check --watch: the check, then again when a file of the deployment changes (CONNECT_LINT_WATCH_ROUNDS ends the loop in tests).</summary>
[Collection(Alone.Name)]
public sealed class WatchTests
{
    /// <summary>
    /// The test build running check --watch for one round: a change is made only once the watcher says it is watching
    /// (its first check has ended), so the first check never sees it, however busy the machine.
    /// </summary>
    private static CliRun WatchOneChange(TempProject project, string[] arguments, Action change)
    {
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = project.Root, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "connect-lint.dll"));
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["CONNECT_LINT_WATCH_ROUNDS"] = "1";
        using var process = Process.Start(start)!;
        var stderr = new StringBuilder();
        var watching = new ManualResetEventSlim();
        process.ErrorDataReceived += (_, e) =>
        {
            lock (stderr)
            {
                stderr.Append(e.Data).Append('\n');
            }

            if (e.Data?.StartsWith("connect-lint: watching for changes", StringComparison.Ordinal) == true)
            {
                watching.Set();
            }
        };
        process.BeginErrorReadLine();
        var stdout = process.StandardOutput.ReadToEndAsync();
        try
        {
            Assert.True(watching.Wait(TimeSpan.FromSeconds(120)), "the watcher did not start watching");
            change();
            Assert.True(process.WaitForExit(120_000), "the watcher did not check again after the change");
            process.WaitForExit();
            lock (stderr)
            {
                return new CliRun(process.ExitCode, stdout.Result, stderr.ToString());
            }
        }
        finally
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }
        }
    }

    [Fact]
    public void Watch_ChecksAgain_AfterAFileChanged()
    {
        using var project = TempProject.FromFixture("parity/01-minimal/app");
        Assert.Equal(0, project.Run("write-manifest", "project", "--python", TestPython.Path).ExitCode);

        var run = WatchOneChange(project, ["check", "project", "--python", TestPython.Path, "--select", "CL10", "--watch"],
            () => File.AppendAllText(project.PathOf("app.py"), "# edited\n"));

        Assert.Equal(1, run.ExitCode);
        Assert.StartsWith("All checks passed (1 deployment).\n", run.Stdout);
        Assert.Contains("CL1007 'app.py' changed since manifest.json was written", run.Stdout);
        Assert.Contains("connect-lint: watching for changes (Ctrl+C stops)", run.Stderr);
        Assert.Matches(@"connect-lint: \[\d\d:\d\d:\d\d\] files changed, checking again", run.Stderr);
    }

    [Fact]
    public void Watch_OverADirectory_NoticesADeploymentAddedAfterItStarted()
    {
        using var project = TempProject.Empty();
        project.Write("services/first/app.py", "from flask import Flask\n\napp = Flask(__name__)\n");
        project.Write("services/first/requirements.txt", "flask==2.2.2\n");
        Assert.Equal(0, project.Run("write-manifest", "project/services/first", "--python", TestPython.Path).ExitCode);

        // A new deployment appears beside the first (whole, in one rename): the directory given is watched, not only
        // the deployments found at start.
        project.Write("staged/app.py", "from flask import Flask\n\napp = Flask(__name__)\n");
        project.Write("staged/manifest.json", "{\"version\": 1, \"metadata\": {\"appmode\": \"python-api\", \"entrypoint\": \"app\"}, \"files\": {}}\n");
        var run = WatchOneChange(project, ["check", "project/services", "--python", TestPython.Path, "--select", "CL10", "--watch"],
            () => Directory.Move(project.PathOf("staged"), project.PathOf("services/second")));

        Assert.StartsWith("All checks passed (1 deployment).\n", run.Stdout);
        Assert.Matches(@"project/services/second/manifest.json:1:\d+: warning CL1008 'app.py' is not listed", run.Stdout);
    }

    [Fact]
    public void Watch_DoesNotCombineWithFix()
    {
        using var project = TempProject.FromFixture("parity/01-minimal/app");
        var run = project.Run("check", "project", "--watch", "--fix");
        Assert.Equal(2, run.ExitCode);
        Assert.StartsWith("connect-lint: error: --watch reports to the terminal: it does not combine with --fix", run.Stderr);
    }
}
