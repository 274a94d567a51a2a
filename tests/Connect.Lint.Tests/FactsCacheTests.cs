using Xunit;

namespace Connect.Lint.Tests;

/// <summary>
/// A deployment whose files, environment and read variables did not change is not imported again: the bridge's last
/// answer is reused (FactsCache), and the report is the same. Real projects, the real interpreter.
/// </summary>
public sealed class FactsCacheTests
{
    private const string Reused = "answer reused";

    private static int _ageings;

    /// <summary>
    /// What was just written (files, and directories that gained an entry) dated as if written minutes ago, each time
    /// at a time of its own: an answer kept right after a change is never trusted (the racy window), and an edit must
    /// still show as one. What was written before keeps its date, as on a real disk.
    /// </summary>
    private static void Age(TempProject project)
    {
        var then = DateTime.UtcNow.AddMinutes(-10).AddSeconds(Interlocked.Increment(ref _ageings));
        var recent = DateTime.UtcNow.AddMinutes(-1);
        foreach (var file in Directory.GetFiles(project.Directory, "*", SearchOption.AllDirectories).Where(f => File.GetLastWriteTimeUtc(f) > recent))
        {
            File.SetLastWriteTimeUtc(file, then);
        }

        foreach (var directory in Directory.GetDirectories(project.Directory, "*", SearchOption.AllDirectories).Append(project.Directory)
                     .Where(d => Directory.GetLastWriteTimeUtc(d) > recent))
        {
            Directory.SetLastWriteTimeUtc(directory, then);
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

    [Fact]
    public void OnlyWhatTheImportRead_Matters_ATemplateEditKeepsTheAnswer_ASettingsEditDoesNot()
    {
        using var project = TempProject.Empty();
        project.Write("app.py", """
            import json

            from flask import Flask

            app = Flask(__name__)
            with open("settings.json") as handle:
                app.config.update(json.load(handle))
            if app.config.get("SERVE"):
                app.run()
            """);
        project.Write("settings.json", "{\"SERVE\": false}\n");
        project.Write("templates/index.html", "<p>hello</p>\n");
        project.Write("requirements.txt", "flask==2.2.2\n");
        Assert.Equal(0, project.Run("write-manifest", "project", "--python", TestPython.Path, "-e", "app").ExitCode);
        Age(project);
        Check(project);

        // The template is read when a request comes, not at import: its edit reuses the answer.
        project.Write("templates/index.html", "<p>hello, world</p>\n");
        Age(project);
        Assert.Contains(Reused, Check(project).Stderr);

        // settings.json is read at import: its edit imports again, and what it now says shows.
        project.Write("settings.json", "{\"SERVE\": true}\n");
        Age(project);
        var after = Check(project);
        Assert.DoesNotContain(Reused, after.Stderr);
        Assert.Contains("error CL2006 app.run() runs when the module is imported", after.Stdout);
    }

    [Fact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public void AnInterpreterThatIsALauncherScript_IsImportedEveryTime()
    {
        // pyenv's shims choose the real Python at each start: the same path may be another Python next time.
        using var project = Project("CONNECT_LINT_TEST_UNUSED");
        var shim = Path.Combine(project.Root, "shims", "python3");
        Directory.CreateDirectory(Path.GetDirectoryName(shim)!);
        File.WriteAllText(shim, $"#!/bin/sh\nexec {TestPython.Path} \"$@\"\n");
        File.SetUnixFileMode(shim, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);

        project.Run("check", "project", "--python", shim);
        var second = project.Run("check", "project", "--python", shim);

        Assert.DoesNotContain(Reused, second.Stderr);
        Assert.Contains("process host", second.Stderr);
    }
}
