using System.Text.Json.Nodes;
using Xunit;

namespace Connect.Lint.Tests;

/// <summary>Fixes are transactions: planned from the bytes the rules saw, refused when a file changed, all validated before the first write.</summary>
public sealed class FixTransactionTests
{
    [Fact]
    public void FileChangedAfterItWasChecked_IsNotFixed()
    {
        using var project = TempProject.Empty();

        // The import rewrites requirements.txt after the tool has read it (the import runs while the tool reads; CL2002 asks for it).
        project.Write("app.py", """
            import os
            import time

            from flask import Flask

            time.sleep(1)
            with open(os.path.join(os.path.dirname(__file__), "requirements.txt"), "w") as handle:
                handle.write("# rewritten at import\npywin32==306\nflask==2.2.2\n")
            app = Flask(__name__)
            """);
        project.Write("requirements.txt", "flask==2.2.2\npywin32==306\n");

        var run = project.Run("check", "project", "--python", TestPython.Path, "--select", "CL3006,CL2002", "--fix");

        Assert.Equal(1, run.ExitCode);
        Assert.Equal("# rewritten at import\npywin32==306\nflask==2.2.2\n", project.Read("requirements.txt"));
        Assert.Contains("connect-lint: project: fixes not applied: project/requirements.txt changed since it was checked (by the app's import, an editor or another run); not fixed: run the check again", run.Stderr);
    }

    [Fact]
    public void SymlinkedRequirementsInsideTheDeployment_IsFixedThroughTheLink_WithTheManifest()
    {
        using var project = TempProject.Empty();
        project.Write("app.py", "from flask import Flask\n\napp = Flask(__name__)\n");
        project.Write("reqs/real.txt", "flask==2.2.2\npywin32==306\n");
        File.CreateSymbolicLink(project.PathOf("requirements.txt"), "reqs/real.txt");
        Assert.Equal(0, project.Run("write-manifest", "project", "--python", TestPython.Path).ExitCode);
        project.Write("app.py", project.Read("app.py") + "# edited\n");

        var run = project.Run("check", "project", "--no-python", "--fix");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal("reqs/real.txt", new FileInfo(project.PathOf("requirements.txt")).LinkTarget);
        Assert.Equal("flask==2.2.2\npywin32==306 ; sys_platform == \"win32\"\n", project.Read("reqs/real.txt"));
        Assert.Equal(0, project.Run("check", "project", "--no-python").ExitCode);
    }

    [Fact]
    public async Task ConcurrentFixRuns_LeaveOneValidManifestAndNoWorkingFiles()
    {
        using var project = TempProject.Empty();
        project.Write("app.py", "from flask import Flask\n\napp = Flask(__name__)\n");
        project.Write("requirements.txt", "flask==2.2.2\n");
        Assert.Equal(0, project.Run("write-manifest", "project", "--python", TestPython.Path).ExitCode);
        for (var i = 0; i < 30; i++)
        {
            project.Write($"module{i}.py", $"X = {i}\n");
        }

        var runs = await Task.WhenAll(Enumerable.Range(0, 4)
            .Select(_ => Task.Run(() => ToolProcess.Run(project.Root, ["check", "project", "--no-python", "--fix"]))));

        Assert.All(runs, run => Assert.True(run.ExitCode is 0 or 1, run.Stderr));
        var files = JsonNode.Parse(project.Read("manifest.json"))!["files"]!.AsObject();
        Assert.Equal(32, files.Count);
        Assert.Equal(0, project.Run("check", "project", "--no-python").ExitCode);
        Assert.Empty(Directory.EnumerateFiles(project.Directory, ".connect-lint*"));
    }
}
