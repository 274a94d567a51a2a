using Xunit;

namespace Connect.Lint.Tests;

/// <summary>Nothing hangs: what user code starts dies with the check; git runs no hook; walks stop at their limits and say so.</summary>
[Collection(Alone.Name)]
public sealed class BoundedRunTests
{
    [Fact]
    public void ProcessStartedAtImport_DoesNotOutliveTheCheck()
    {
        using var project = TempProject.Empty();
        var marker = Path.Combine(project.Root, "grandchild-finished");

        // The grandchild keeps stdout and stderr open and would leave a marker when it ends on its own.
        project.Write("app.py", $$"""
            import subprocess

            from flask import Flask

            subprocess.Popen(["sh", "-c", "sleep 8; touch {{marker}}"])
            app = Flask(__name__)
            """);
        project.Write("requirements.txt", "flask==2.2.2\n");

        var run = project.Run("check", "project", "--python", TestPython.Path, "--import-timeout", "3", "--select", "CL2");
        Thread.Sleep(TimeSpan.FromSeconds(9));

        Assert.Equal(0, run.ExitCode);
        Assert.False(File.Exists(marker), "the process started at import was still running after the check returned");
    }

    [Fact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public void GitRunsNoFsmonitorHook()
    {
        using var project = TempProject.Empty();
        project.Write("app.py", "from flask import Flask\n\napp = Flask(__name__)\n");
        project.Write("requirements.txt", "flask==2.2.2\n");
        var marker = Path.Combine(project.Root, "hook-ran");
        var hook = Path.Combine(project.Root, "fsmonitor.sh");
        File.WriteAllText(hook, $"#!/bin/sh\ntouch {marker}\n");
        File.SetUnixFileMode(hook, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        TestGit.Run(project.Directory, "init", "-q");
        TestGit.Run(project.Directory, "add", ".");
        TestGit.Commit(project.Directory);
        TestGit.Run(project.Directory, "config", "core.fsmonitor", hook);
        project.Write("untracked.py", "X = 1\n");

        project.Run("check", "project", "--no-python");

        Assert.False(File.Exists(marker), "git ran the repository's fsmonitor hook");
    }

    [Fact]
    public void DirectoriesNestedPastTheLimit_AreReported()
    {
        using var project = TempProject.Empty();
        project.Write("app.py", "from flask import Flask\n\napp = Flask(__name__)\n");
        project.Write("requirements.txt", "flask==2.2.2\n");
        project.Write(string.Join('/', Enumerable.Repeat("d", 260)) + "/deep.py", "X = 1\n");

        var run = project.Run("check", "project", "--no-python", "--select", "CL9005");

        var deepest = string.Join('/', Enumerable.Repeat("d", 256));
        Assert.Contains($"project/{deepest}:1:1: note CL9005 {deepest}: it is nested more than 256 directories deep; what it holds was not listed or checked", run.Stdout);
    }
}
