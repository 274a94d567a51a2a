using System.Text.Json.Nodes;
using Xunit;

namespace Connect.Lint.Tests;

/// <summary>
/// write-manifest takes `rsconnect write-manifest api`'s flags with rsconnect's meaning (rsconnect-python's main.py,
/// actions.py and bundle.py: EXTRA_FILES beat --exclude and must be inside DIR; -g writes requirements.txt from pip
/// freeze without rsconnect's own lines; --image and --disable-env-management* write environment.image and
/// environment.environment_management only when said), so scripts written for rsconnect run unchanged.
/// </summary>
public sealed class WriteManifestFlagsTests
{
    private static TempProject Factory()
    {
        var project = TempProject.FromFixture("parity/02-factory/app");
        project.Write("data/extra.csv", "x,y\n");
        project.Write("data/other.csv", "x,y\n");
        return project;
    }

    private static JsonNode Manifest(TempProject project) => JsonNode.Parse(project.Read("manifest.json"))!;

    [Fact]
    public void ShortFlags_AreRsconnects()
    {
        using var project = Factory();
        project.Write("manifest.json", "{}");

        var run = project.Run("write-manifest", "project", "-p", TestPython.Path, "-o", "-e", "myapp:create_app", "-x", "data/*");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal("myapp:create_app", (string)Manifest(project)["metadata"]!["entrypoint"]!);
        Assert.Null(Manifest(project)["files"]!["data/extra.csv"]);
    }

    [Fact]
    public void ExtraFiles_AreListedEvenWhenExcluded_AndMustBeInsideTheDirectory()
    {
        using var project = Factory();

        var run = project.Run("write-manifest", "project", "project/data/extra.csv", "-p", TestPython.Path, "-e", "myapp:create_app", "-x", "data/*");
        var outside = project.Run("write-manifest", "project", "project/../outside.txt", "-p", TestPython.Path, "-o");
        var missing = project.Run("write-manifest", "project", "project/nothere.csv", "-p", TestPython.Path, "-o");

        Assert.Equal(0, run.ExitCode);
        var files = Manifest(project)["files"]!;
        Assert.NotNull(files["data/extra.csv"]);
        Assert.Null(files["data/other.csv"]);
        Assert.Equal(2, outside.ExitCode);
        Assert.StartsWith("connect-lint: error: EXTRA_FILES must be inside project, and this one is not: project/../outside.txt", outside.Stderr);
        Assert.Equal(2, missing.ExitCode);
        Assert.StartsWith("connect-lint: error: EXTRA_FILES names a file that does not exist: project/nothere.csv", missing.Stderr);
    }

    [Fact]
    public void ForceGenerate_RewritesRequirementsFromPipFreeze_WithoutEditableOrRsconnectLines()
    {
        using var project = Factory();
        var before = project.Read("requirements.txt");

        var run = project.Run("write-manifest", "project", "-p", TestPython.Path, "-e", "myapp:create_app", "-g");

        Assert.Equal(0, run.ExitCode);
        var requirements = project.Read("requirements.txt");
        Assert.NotEqual(before, requirements);
        Assert.Contains("\nFlask==", requirements);
        Assert.DoesNotContain("\n-e ", requirements);
        Assert.DoesNotContain("rsconnect", requirements.Split('\n').Skip(1).Aggregate(string.Empty, (a, b) => a + b + "\n"));
        Assert.Contains("  rewrote project/requirements.txt from pip freeze", run.Stderr);
        Assert.Equal(0, project.Run("check", "project", "--no-python", "--select", "CL10").ExitCode);
    }

    [Fact]
    public void RequirementsFile_IsThePackageFile_AndListedFirst()
    {
        using var project = Factory();
        project.Write("reqs/prod.txt", "flask==2.2.2\n");

        var run = project.Run("write-manifest", "project", "-p", TestPython.Path, "-e", "myapp:create_app", "-r", "reqs/prod.txt");
        var pyproject = project.Run("write-manifest", "project", "-p", TestPython.Path, "-o", "-r", "pyproject.toml");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal("reqs/prod.txt", (string)Manifest(project)["python"]!["package_manager"]!["package_file"]!);
        Assert.Contains("\"files\": {\n    \"reqs/prod.txt\": {", project.Read("manifest.json"));
        Assert.Equal(1, pyproject.ExitCode);
        Assert.StartsWith("connect-lint: error: --requirements-file pyproject.toml: no readable pyproject.toml there", pyproject.Stderr);
    }

    [Fact]
    public void ImageAndEnvironmentManagement_AreWrittenOnlyWhenSaid()
    {
        using var project = Factory();

        project.Run("write-manifest", "project", "-p", TestPython.Path, "-e", "myapp:create_app");
        var plain = project.Read("manifest.json");
        project.Run("write-manifest", "project", "-p", TestPython.Path, "-o", "-I", "ghcr.io/acme/flask:3.11", "--disable-env-management-py");
        var pythonOnly = project.Read("manifest.json");
        File.Delete(project.PathOf("manifest.json"));
        project.Run("write-manifest", "project", "-p", TestPython.Path, "-e", "myapp:create_app", "--disable-env-management");
        var both = project.Read("manifest.json");

        Assert.DoesNotContain("image", plain);
        Assert.DoesNotContain("environment_management", plain);
        Assert.Contains("\"image\": \"ghcr.io/acme/flask:3.11\",\n    \"environment_management\": {\n      \"python\": false\n    }\n  },", pythonOnly);
        Assert.Contains("\"environment_management\": {\n      \"python\": false,\n      \"r\": false\n    }", both);
    }

    [Theory]
    [InlineData("from flask import Flask\n\nmyapi = Flask(__name__)\n", "server:myapi")]
    [InlineData("import flask\n\nservice: flask.Flask = flask.Flask(__name__)\n", "server:service")]
    [InlineData("from flask import Flask\n\napi = Flask(__name__)\napp = api\n", "server")]
    [InlineData("from flask import Flask\n\nadmin = Flask('admin')\npublic = Flask('public')\n", "server")]
    public void AnAppNotCalledAppOrApplication_IsNamedInTheEntrypoint_SoTheCheckAcceptsIt(string source, string entrypoint)
    {
        using var project = TempProject.Empty();
        project.Write("server.py", source);
        project.Write("requirements.txt", "flask==2.2.2\n");

        Assert.Equal(0, project.Run("write-manifest", "project", "--python", TestPython.Path).ExitCode);

        Assert.Equal(entrypoint, (string?)Manifest(project)["metadata"]!["entrypoint"]);
        if (entrypoint.Contains(':', StringComparison.Ordinal))
        {
            Assert.DoesNotContain(" CL2003 ", project.Run("check", "project", "--python", TestPython.Path).Stdout);
        }
    }

    [Fact]
    public void AModuleWithNothingConnectFinds_IsWrittenAsRsconnectWritesIt_WithAWarning()
    {
        using var project = TempProject.Empty();
        project.Write("app.py", "import flask\n\nprint('no app here')\n");
        project.Write("requirements.txt", "flask\n");

        var run = project.Run("write-manifest", "project", "-p", TestPython.Path);
        var told = project.Run("write-manifest", "project", "-p", TestPython.Path, "-e", "app:api", "-o");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("\n  warning: app.py binds none of app, application, create_app, make_app (what Connect looks for in a module named alone) " +
                        "at its top level, as far as its text shows: name the app with --entrypoint module:object, or run 'connect-lint check', which imports it\n", run.Stderr);
        Assert.Equal(0, told.ExitCode);
        Assert.Contains("\n  warning: app.py does not bind api at its top level", told.Stderr);
    }

    [Fact]
    public void NoModuleToChoose_IsRefused_WithExit1_BeforeAnythingIsWritten()
    {
        using var project = TempProject.Empty();
        project.Write("one.py", "x = 1\n");
        project.Write("two.py", "x = 2\n");

        var run = project.Run("write-manifest", "project", "-p", TestPython.Path, "-g");

        Assert.Equal(1, run.ExitCode);
        Assert.Equal("connect-lint: error: project: cannot tell which module is the app (more than one could be the app: one, two); pass --entrypoint module:app\n", run.Stderr);
        Assert.Equal(["one.py", "two.py"], Directory.GetFiles(project.Directory).Select(Path.GetFileName).Order());
    }

    [Theory]
    [InlineData("--override-python-version", "3.x", "--override-python-version '3.x': not a Python version; expected 3.x or 3.x.y")]
    [InlineData("--override-python-version", "3", "--override-python-version '3': not a Python version; expected 3.x or 3.x.y")]
    [InlineData("--package-installer", "conda", "'conda'")]
    public void ABadFlagValue_IsAUsageError_Exit2(string flag, string value, string said)
    {
        using var project = Factory();

        var run = project.Run("write-manifest", "project", "-p", TestPython.Path, "-e", "myapp:create_app", flag, value);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains(said, run.Stderr);
        Assert.False(File.Exists(project.PathOf("manifest.json")));
    }

    [Fact]
    public void Verbose_ListsEveryFileWritten()
    {
        using var project = Factory();

        var run = project.Run("write-manifest", "project", "-p", TestPython.Path, "-e", "myapp:create_app", "-v");

        Assert.Matches(@"\n  listed requirements\.txt [0-9a-f]{32}\n", run.Stderr);
        Assert.Matches(@"\n  listed myapp/__init__\.py [0-9a-f]{32}\n", run.Stderr);
    }
}
