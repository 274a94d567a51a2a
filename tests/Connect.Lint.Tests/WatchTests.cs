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
    public void Watch_DoesNotCombineWithFix()
    {
        using var project = TempProject.FromFixture("parity/01-minimal/app");
        var run = project.Run("check", "project", "--watch", "--fix");
        Assert.Equal(2, run.ExitCode);
        Assert.StartsWith("connect-lint: error: --watch reports to the terminal: it does not combine with --fix", run.Stderr);
    }
}
