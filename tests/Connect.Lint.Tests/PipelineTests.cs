using Snapshooter.Xunit;
using Xunit;

namespace Connect.Lint.Tests;

/// <summary>The pipeline's promises: the app is imported once per run unless a fix changed Python; settings say where they came from.</summary>
public sealed class PipelineTests
{
    /// <summary>The app appends a line to imports.log beside the deployment (outside it) each time it is imported.</summary>
    private const string CountingApp =
        "import os\nfrom flask import Flask\n\n" +
        "with open(os.path.join(os.path.dirname(os.path.abspath(__file__)), os.pardir, \"imports.log\"), \"a\") as log:\n" +
        "    log.write(\"imported\\n\")\n\napp = Flask(__name__)\n";

    private static TempProject CountingProject(string appPy)
    {
        var project = TempProject.Empty();
        project.Write("app.py", appPy);
        project.Write("requirements.txt", "flask\n");
        Assert.Equal(0, project.Run("write-manifest", "project", "--python", TestPython.Path).ExitCode);
        project.Write("data.csv", "id\n1\n"); // unlisted: CL1008's fix rewrites the manifest only
        return project;
    }

    private static int Imports(TempProject project)
    {
        var log = Path.Combine(project.Root, "imports.log");
        return File.Exists(log) ? File.ReadAllLines(log).Length : 0;
    }

    [Fact]
    public void Fix_ImportsTheAppOnce_WhenTheFixesChangeNoPython()
    {
        using var project = CountingProject(CountingApp);

        var run = project.Run("check", "project", "--fix", "--python", TestPython.Path);

        Assert.Contains("\"data.csv\"", project.Read("manifest.json"));
        Assert.Contains("Fixed 1", run.Stdout + run.Stderr, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(1, Imports(project));
    }

    [Fact]
    public void Fix_ImportsTheAppAgain_WhenAFixChangedAPythonSource()
    {
        using var project = CountingProject(CountingApp.Replace("app = Flask(__name__)\n", "app = Flask(__name__)  # noqa: CL5001\n", StringComparison.Ordinal));

        project.Run("check", "project", "--fix", "--python", TestPython.Path);

        Assert.DoesNotContain("noqa", project.Read("app.py"), StringComparison.Ordinal);
        Assert.Equal(2, Imports(project));
    }

    [Fact]
    public void ShowSettings_SaysWhereEachValueCameFrom()
    {
        using var project = TempProject.Empty();
        project.Write("app.py", "\n");
        File.WriteAllText(Path.Combine(project.Root, "pyproject.toml"),
            "[tool.connect-lint]\nignore = [\"CL3007\"]\nserver-python-versions = [\"3.11\", \"3.12\"]\n\n[tool.connect-lint.severity]\nCL3007 = \"warning\"\n");

        var run = project.Run("check", "project", "--show-settings", "--select", "CL1,CL3", "--ignore", "CL1009", "--python", "/opt/python/bin/python3", "--import-timeout", "5");

        Assert.Equal(0, run.ExitCode);
        Snapshot.Match(run.Stdout);
    }
}
