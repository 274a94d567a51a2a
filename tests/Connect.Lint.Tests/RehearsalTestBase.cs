using Xunit;

namespace Connect.Lint.Tests;

/// <summary>
/// What the check --rehearse tests share: a project of their own, a cache of their own, and the tool run as a process
/// with pip pointed at the local wheelhouse. The tests are in two classes (what pip installs; what the import and the
/// requests show), so that they run side by side.
/// </summary>
public abstract class RehearsalTestBase : IDisposable
{
    protected const string FlaskApp = "from flask import Flask\n\napp = Flask(__name__)\n\n\n@app.route(\"/\")\ndef index():\n    return \"hello\"\n";

    protected TempProject Project { get; } = TempProject.Empty();

    public void Dispose()
    {
        Project.Dispose();
        GC.SuppressFinalize(this);
    }

    protected string Cache => Path.Combine(Project.Root, "cache");

    protected static string[] Lines(CliRun run) => run.Stdout.Split('\n').Where(l => l.Contains(" CL", StringComparison.Ordinal)).ToArray();

    protected CliRun Rehearse(string python = TestPython.Path, params string[] extra) =>
        ToolProcess.RunWithEnvironment(Project.Root, ["check", "project", "--python", python, "--rehearse", .. extra], Wheelhouse.Environment(Cache));

    protected void WriteProject(string app, string requirements, string python = TestPython.Path)
    {
        Project.Write("app.py", app);
        Project.Write("requirements.txt", requirements);
        var written = Project.Run("write-manifest", "project", "--python", python);
        Assert.True(written.ExitCode == 0, written.Stderr);
    }

    protected string[] ProjectFiles() =>
        Directory.EnumerateFileSystemEntries(Project.Directory, "*", SearchOption.AllDirectories)
            .Select(p => Path.GetRelativePath(Project.Directory, p) + "@" + (File.Exists(p) ? File.GetLastWriteTimeUtc(p).Ticks : 0))
            .Order(StringComparer.Ordinal).ToArray();
}
