using Xunit;

namespace Connect.Lint.Tests;

/// <summary>The bridge answers the same whatever the user's code patches or shadows, and write-manifest runs none of it.</summary>
public sealed class BridgeImmunityTests
{
    private static TempProject Project(string app, params (string Name, string Text)[] modules)
    {
        var project = TempProject.Empty();
        project.Write("app.py", app);
        project.Write("requirements.txt", "flask==2.2.2\n");
        foreach (var (name, text) in modules)
        {
            project.Write(name, text);
        }

        return project;
    }

    private static string[] Lines(CliRun run) => run.Stdout.Split('\n').Where(l => l.Contains(" CL", StringComparison.Ordinal)).ToArray();

    [Fact]
    public void AppPatchingJsonDumps_DoesNotHideTheAnswer()
    {
        using var project = Project("import json\njson.dumps = lambda *a, **k: \"garbage\"\n\nfrom flask import Flask\n\napp = Flask(__name__)\napp.run()\n");

        var lines = Lines(project.Run("check", "project", "--python", TestPython.Path, "--select", "CL2006,CL9001"));

        Assert.Equal(["project/app.py:7:1: error CL2006 app.run() runs when the module is imported: under Connect it blocks or fails; put it under 'if __name__ == \"__main__\":'"], lines);
    }

    [Fact]
    public void ASecretKeyWhoseClassRedefinesEquality_IsStillTracedToItsLiteral_AndNeverPrinted()
    {
        using var project = Project(
            "from flask import Flask\n\n\nclass Sneaky(str):\n    def __eq__(self, other):\n        raise RuntimeError(\"boom\")\n\n    __hash__ = str.__hash__\n\n\n" +
            "app = Flask(__name__)\napp.config[\"SECRET_KEY\"] = Sneaky(\"literal-key-value\")\n");

        var run = project.Run("check", "project", "--python", TestPython.Path, "--select", "CL5002");

        Assert.Equal(["project/app.py:12:35: error CL5002 the secret key is a string literal: anyone with the code can forge session cookies. Set it from an environment variable (a Connect Var), e.g. os.environ[\"SECRET_KEY\"]"], Lines(run));
        Assert.DoesNotContain("literal-key-value", run.Stdout + run.Stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("inspect.py")]
    [InlineData("locale.py")]
    [InlineData("ast.py")]
    [InlineData("json.py")]
    public void ModuleSharingAStdlibName_DoesNotBreakTheBridge(string module)
    {
        using var project = Project("from flask import Flask\n\napp = Flask(__name__)\n", (module, "# the project's own module\nVALUE = 1\n"));

        var lines = Lines(project.Run("check", "project", "--python", TestPython.Path, "--select", "CL2,CL9"));

        Assert.Empty(lines);
    }

    [Fact]
    public void WriteManifest_RunsNoProjectCode()
    {
        var marker = Path.Combine(Path.GetTempPath(), $"connect-lint-ran-{Guid.NewGuid():N}");
        using var project = Project(
            $"open({marker!.Quote()}, \"w\").write(\"app\")\nfrom flask import Flask\n\napp = Flask(__name__)\n",
            ("locale.py", $"open({marker.Quote()}, \"w\").write(\"locale\")\n"),
            ("re.py", $"open({marker.Quote()}, \"w\").write(\"re\")\n"));

        // As a user runs it: from the project's directory.
        var run = ToolProcess.Run(project.Directory, ["write-manifest", ".", "--python", TestPython.Path]);

        Assert.True(run.ExitCode == 0, run.Stderr);
        Assert.False(File.Exists(marker), $"write-manifest ran project code: {(File.Exists(marker) ? File.ReadAllText(marker) : string.Empty)}");
    }
}

internal static class PythonText
{
    /// <summary>A Python string literal for a path.</summary>
    public static string Quote(this string value) => "\"" + value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"";
}
