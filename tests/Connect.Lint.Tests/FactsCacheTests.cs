using Xunit;

namespace Connect.Lint.Tests;

/// <summary>
/// A deployment whose files, environment and read variables did not change is not imported again: the bridge's last
/// answer is reused (FactsCache), and the report is the same. Real projects, the real interpreter.
/// </summary>
public sealed class FactsCacheTests
{
    private const string Reused = "answer reused";

    /// <summary>Files written a while ago: an answer kept right after a change is never trusted (the racy window).</summary>
    private static void Age(TempProject project)
    {
        foreach (var file in Directory.GetFiles(project.Directory, "*", SearchOption.AllDirectories))
        {
            File.SetLastWriteTimeUtc(file, DateTime.UtcNow.AddMinutes(-10));
        }
    }

    private static TempProject Project(string variable)
    {
        var project = TempProject.Empty();
        project.Write("app.py", $$"""
            import os

            from flask import Flask

            app = Flask(__name__)
            if os.environ.get("{{variable}}") == "broken":
                raise RuntimeError("broken mode")
            """);
        project.Write("requirements.txt", "flask==2.2.2\n");
        Assert.Equal(0, project.Run("write-manifest", "project", "--python", TestPython.Path, "-e", "app").ExitCode);
        Age(project);
        return project;
    }

    private static CliRun Check(TempProject project, params string[] extra) =>
        project.Run(["check", "project", "--python", TestPython.Path, "--select", "CL1,CL2", .. extra]);

    [Fact]
    public void AnUnchangedDeployment_IsNotImportedAgain_AndReportsTheSame()
    {
        using var project = Project("CONNECT_LINT_TEST_UNUSED");

        var first = Check(project);
        var second = Check(project);

        Assert.DoesNotContain(Reused, first.Stderr);
        Assert.Contains(Reused, second.Stderr);
        Assert.Equal(first.Stdout, second.Stdout);
        Assert.Equal(first.ExitCode, second.ExitCode);
        Assert.DoesNotContain(Reused, Check(project, "--no-cache").Stderr);
    }

    [Fact]
    public void AChangedFile_IsImportedAgain()
    {
        using var project = Project("CONNECT_LINT_TEST_UNUSED");
        Check(project);

        project.Write("app.py", project.Read("app.py") + "\nraise ValueError('edited')\n");
        Age(project);
        var after = Check(project);

        Assert.DoesNotContain(Reused, after.Stderr);
        Assert.Contains("error CL2002 importing 'app' raised ValueError: edited", after.Stdout);
    }

    [Fact]
    public void AVariableTheImportRead_ImportsAgainWhenItsValueChanges()
    {
        var variable = $"CONNECT_LINT_TEST_MODE_{Guid.NewGuid():N}";
        using var project = Project(variable);
        Assert.DoesNotContain(" CL", Check(project).Stdout, StringComparison.Ordinal);

        Environment.SetEnvironmentVariable(variable, "broken");
        try
        {
            var broken = Check(project);
            Assert.DoesNotContain(Reused, broken.Stderr);
            Assert.Contains("error CL2002 importing 'app' raised RuntimeError: broken mode", broken.Stdout);
        }
        finally
        {
            Environment.SetEnvironmentVariable(variable, null);
        }
    }

    [Fact]
    public void AnAnswerKeptRightAfterAChange_IsNotTrusted()
    {
        using var project = Project("CONNECT_LINT_TEST_UNUSED");
        project.Write("app.py", project.Read("app.py") + "\n");  // just now: within the racy window

        Check(project);
        Assert.DoesNotContain(Reused, Check(project).Stderr);
    }
}
