using Xunit;

namespace Connect.Lint.Tests;

/// <summary>One file-access policy: links out of the deployment, special files and special file systems are refused, said so (CL9004), never read.</summary>
public sealed class FileAccessTests
{
    private const string App = "from flask import Flask\n\napp = Flask(__name__)\n";

    private static TempProject Project()
    {
        var project = TempProject.Empty();
        project.Write("app.py", App);
        return project;
    }

    private static string[] Lines(CliRun run) => run.Stdout.Split('\n').Where(l => l.Contains(" CL", StringComparison.Ordinal)).ToArray();

    [Fact]
    public void RequirementsSymlinkedOutOfTheDeployment_IsRefusedAndNeverEchoed()
    {
        using var project = Project();
        var outside = Path.Combine(project.Root, "outside.txt");
        File.WriteAllText(outside, "SECRET_LINE=do-not-print-me\nflask==2.2.2\n");
        File.CreateSymbolicLink(project.PathOf("requirements.txt"), outside);

        var run = project.Run("check", "project", "--no-python", "--format", "github");

        Assert.DoesNotContain("do-not-print-me", run.Stdout + run.Stderr, StringComparison.Ordinal);
        Assert.Contains("::warning file=project/requirements.txt,title=CL9004 file-not-read::requirements.txt was not read: it is a symlink leading outside the deployment", run.Stdout);
        Assert.DoesNotContain("CL3001", run.Stdout);
        Assert.DoesNotContain("CL3002", run.Stdout);
    }

    [Fact]
    public void PackageFileSymlinkedToProc_IsRefused()
    {
        using var project = Project();
        project.Write("requirements.txt", "flask==2.2.2\n");
        Assert.Equal(0, project.Run("write-manifest", "project", "--python", TestPython.Path).ExitCode);
        project.Write("manifest.json", project.Read("manifest.json").Replace("\"package_file\": \"requirements.txt\"", "\"package_file\": \"env.txt\""));
        File.CreateSymbolicLink(project.PathOf("env.txt"), "/proc/self/environ");

        var run = project.Run("check", "project", "--no-python", "--select", "CL1,CL3,CL9");

        Assert.Contains("project/env.txt:1:1: warning CL9004 env.txt was not read: it is a symlink into a special file system", Lines(run)[0]);
        Assert.DoesNotContain("PATH=", run.Stdout + run.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("CL1012", run.Stdout);
    }

    [Fact]
    public void FifoNamedRequirements_IsReportedNotMissing()
    {
        using var project = Project();
        MakeFifo(project.PathOf("requirements.txt"));

        var lines = Lines(project.Run("check", "project", "--no-python", "--select", "CL3001,CL9004"));

        Assert.Equal(["project/requirements.txt:1:1: warning CL9004 requirements.txt was not read: it is not a regular file (a FIFO, socket or device is never opened); its requirements were not checked"], lines);
    }

    [Fact]
    public void SourceSymlinkedOutOfTheDeployment_IsNotScanned()
    {
        using var project = Project();
        project.Write("requirements.txt", "flask==2.2.2\n");
        var outside = Path.Combine(project.Root, "keys.py");
        File.WriteAllText(outside, "KEY = \"AKIAABCDEFGHIJKLMNOP\"\n");
        File.CreateSymbolicLink(project.PathOf("keys.py"), outside);

        var lines = Lines(project.Run("check", "project", "--no-python", "--select", "CL5004,CL9004"));

        Assert.Equal(["project/keys.py:1:1: warning CL9004 keys.py was not read: it is a symlink leading outside the deployment; a Git checkout on Connect holds a link to a path the server does not have"], lines);
    }

    [Fact]
    public void FifoNamedAppPy_DoesNotHoldTheBridge()
    {
        using var project = Project();
        project.Write("requirements.txt", "flask==2.2.2\n");
        project.Write("views.py", "X = 1\n");
        File.Delete(project.PathOf("app.py"));
        MakeFifo(project.PathOf("app.py"));

        var run = project.Run("check", "project", "--python", TestPython.Path, "--import-timeout", "3", "--select", "CL2,CL9004");

        Assert.Contains("project/app.py:1:1: warning CL9004 app.py was not read", run.Stdout);
    }

    [Fact]
    public void CleanProject_HasNoRefusals()
    {
        using var project = Project();
        project.Write("requirements.txt", "flask==2.2.2\n");
        project.Write("static/site.css", "body {}\n");

        Assert.Empty(Lines(project.Run("check", "project", "--python", TestPython.Path, "--select", "CL9004,CL9005")));
    }

    internal static void MakeFifo(string path)
    {
        using var process = System.Diagnostics.Process.Start("mkfifo", [path]);
        process.WaitForExit();
        Assert.Equal(0, process.ExitCode);
    }
}
