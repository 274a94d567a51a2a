using Xunit;

namespace Connect.Lint.Tests;

/// <summary>
/// The fact plan: a costly fact is gathered when an enabled rule needs or uses it, and only then; a noqa comment is
/// judged only when its rule had every fact it needs; every command runs the interpreter the settings chose.
/// </summary>
public sealed class FactPlanTests
{
    /// <summary>An app that leaves a file beside the project when it is imported.</summary>
    private const string MarkingApp = "import os\nfrom flask import Flask\n\nopen(os.path.join(os.path.dirname(__file__), '..', 'imported'), 'w').close()\napp = Flask(__name__)\n";

    [Fact]
    public void CheckSelectingARuleOfTheFiles_DoesNotImportTheApp()
    {
        using var project = TempProject.Empty();
        var marker = Path.Combine(project.Root, "imported");
        project.Write("app.py", MarkingApp);
        project.Write("requirements.txt", "flask\n");
        var everything = project.Run("check", "project", "--python", TestPython.Path, "--no-cache");
        Assert.True(File.Exists(marker), "the default rules import the app: " + everything.Stderr);
        File.Delete(marker);

        var run = project.Run("check", "project", "--select", "CL1007", "--python", TestPython.Path, "--no-cache");

        Assert.False(File.Exists(marker), "check --select CL1007 imported the app: " + run.Stderr);
        Assert.DoesNotContain("host", run.Stderr); // no "Python 3.x at …, process host" line: nothing ran
    }

    [Fact]
    public void OutsideGit_ANoqaForAGitRule_IsNotCalledUnused()
    {
        using var project = TempProject.Empty();
        project.Write("app.py", "from flask import Flask\n\napp = Flask(__name__)  # noqa: CL4001\n");
        project.Write("requirements.txt", "flask\n");

        var run = project.Run("check", "project", "--no-python", "--output-format", "concise");

        Assert.Contains("not inside a Git repository", run.Stderr);
        Assert.DoesNotContain("CL9003", run.Stdout);
    }

    [Fact]
    public void WriteManifest_RunsTheConfiguredInterpreter()
    {
        using var project = TempProject.FromFixture("parity/01-minimal/app");
        project.Write("pyproject.toml", $"[tool.connect-lint]\npython = \"{TestPython.Path}\"\n");

        var run = project.Run("write-manifest", "project");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains($"at {TestPython.Path} ([tool.connect-lint] python;", run.Stderr);
    }

    [Fact]
    public void TheConfiguredImportTimeout_IsTheImportsBudget()
    {
        using var project = TempProject.Empty();
        project.Write("app.py", "import time\nfrom flask import Flask\n\ntime.sleep(30)\napp = Flask(__name__)\n");
        project.Write("requirements.txt", "flask\n");
        project.Write("pyproject.toml", "[tool.connect-lint]\nimport-timeout = 1\n");

        var run = project.Run("check", "project", "--python", TestPython.Path, "--no-cache", "--select", "CL2005", "--output-format", "concise");

        Assert.Contains("CL2005", run.Stdout);
        Assert.Contains("1 s", run.Stdout);
    }

    [Fact]
    public void AnImportTimeoutOutOfRange_IsAConfigurationError()
    {
        using var project = TempProject.Empty();
        project.Write("app.py", "from flask import Flask\n\napp = Flask(__name__)\n");
        project.Write("pyproject.toml", "[tool.connect-lint]\nimport-timeout = 0\n");

        var run = project.Run("check", "project", "--no-python");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("pyproject.toml:2:1: [tool.connect-lint] import-timeout: 0: must be a number of seconds above 0 and at most 3600", run.Stderr);
    }

    [Fact]
    public void Inspect_BesideAnotherToolsManifest_InfersTheEntrypoint_AsWithoutOne()
    {
        using var project = TempProject.FromFixture("parity/01-minimal/app");
        project.Write("manifest.json", "{\"name\": \"inventory\", \"start_url\": \"/\", \"icons\": []}\n");

        var run = project.Run("inspect", "project", "--python", TestPython.Path);

        Assert.True(run.ExitCode == 0, run.Stderr);
        Assert.Contains("Flask app    'app'", run.Stdout);
    }
}
