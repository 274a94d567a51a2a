using Xunit;

namespace Connect.Lint.Tests;

/// <summary>check --watch: the check, then again when a file of the deployment changes (CONNECT_LINT_WATCH_ROUNDS ends the loop in tests).</summary>
public sealed class WatchTests
{
    [Fact]
    public async Task Watch_ChecksAgain_AfterAFileChanged()
    {
        using var project = TempProject.FromFixture("parity/01-minimal/app");
        Assert.Equal(0, project.Run("write-manifest", "project", "--python", TestPython.Path).ExitCode);
        var environment = new Dictionary<string, string?> { ["CONNECT_LINT_WATCH_ROUNDS"] = "1" };

        var watching = Task.Run(() => ToolProcess.RunWithEnvironment(project.Root, ["check", "project", "--python", TestPython.Path, "--select", "CL10", "--watch"], environment));
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (DateTime.UtcNow < deadline && !watching.IsCompleted)
        {
            // Edits until the watcher is up and sees one (it starts after the first check).
            await Task.Delay(500);
            File.AppendAllText(project.PathOf("app.py"), "# edited\n");
            if (await Task.WhenAny(watching, Task.Delay(1500)) == watching)
            {
                break;
            }
        }

        var run = await watching;
        Assert.Equal(1, run.ExitCode);
        Assert.StartsWith("All checks passed (1 deployment).\n", run.Stdout);
        Assert.Contains("CL1007 'app.py' changed since manifest.json was written", run.Stdout);
        Assert.Contains("connect-lint: watching for changes (Ctrl+C stops)", run.Stderr);
        Assert.Matches(@"connect-lint: \[\d\d:\d\d:\d\d\] files changed, checking again", run.Stderr);
    }

    [Fact]
    public async Task Watch_OverADirectory_NoticesADeploymentAddedAfterItStarted()
    {
        using var project = TempProject.Empty();
        project.Write("services/first/app.py", "from flask import Flask\n\napp = Flask(__name__)\n");
        project.Write("services/first/requirements.txt", "flask==2.2.2\n");
        Assert.Equal(0, project.Run("write-manifest", "project/services/first", "--python", TestPython.Path).ExitCode);
        var environment = new Dictionary<string, string?> { ["CONNECT_LINT_WATCH_ROUNDS"] = "1" };

        var watching = Task.Run(() => ToolProcess.RunWithEnvironment(project.Root, ["check", "project", "--python", TestPython.Path, "--select", "CL10", "--watch"], environment));
        var deadline = DateTime.UtcNow.AddSeconds(60);
        for (var attempt = 0; DateTime.UtcNow < deadline && !watching.IsCompleted; attempt++)
        {
            // A new deployment appears beside the first, until the watcher (up after the first check) sees it.
            await Task.Delay(500);
            project.Write($"services/second{attempt}/app.py", "from flask import Flask\n\napp = Flask(__name__)\n");
            project.Write($"services/second{attempt}/manifest.json", "{\"version\": 1, \"metadata\": {\"appmode\": \"python-api\", \"entrypoint\": \"app\"}, \"files\": {}}\n");
            if (await Task.WhenAny(watching, Task.Delay(1500)) == watching)
            {
                break;
            }
        }

        Assert.True(watching.IsCompleted || await Task.WhenAny(watching, Task.Delay(5000)) == watching, "the watcher never noticed the new deployment");
        var run = await watching;
        Assert.StartsWith("All checks passed (1 deployment).\n", run.Stdout);
        Assert.Matches(@"project/services/second\d+/manifest.json:\d+:\d+: warning CL1008 'app.py' is not listed", run.Stdout);
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
