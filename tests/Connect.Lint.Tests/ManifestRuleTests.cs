using System.Text;
using Xunit;

namespace Connect.Lint.Tests;

/// <summary>Each manifest rule on a fixture that triggers it and on a clean twin.</summary>
public sealed class ManifestRuleTests
{
    private const string ValidManifest = """
        {
          "version": 1,
          "locale": "en_US.UTF-8",
          "metadata": {
            "appmode": "python-api",
            "entrypoint": "app"
          },
          "python": {
            "version": "3.11.2",
            "package_manager": {
              "name": "pip",
              "version": "23.0.1",
              "package_file": "requirements.txt"
            }
          },
          "files": {
            "requirements.txt": {
              "checksum": "0615a53b220ca85419a97f3b325b2269"
            },
            "app.py": {
              "checksum": "071247fb76bf273d3195e9f41b263f31"
            }
          }
        }

        """;

    private static TempProject Minimal(string? manifest = ValidManifest)
    {
        var project = TempProject.FromFixture("parity/01-minimal/app");
        if (manifest is not null)
        {
            project.Write("manifest.json", manifest);
        }

        return project;
    }

    private static string[] Lines(CliRun run) => run.Stdout.Split('\n').Where(l => l.Contains(": ") && l.Contains(" CL")).ToArray();

    [Fact]
    public void CleanTwin_ReportsNothing()
    {
        using var project = Minimal();
        var run = project.Run("check", "project", "--no-python");
        Assert.Equal(0, run.ExitCode);
        Assert.Empty(Lines(run));
    }

    [Fact]
    public void CL1001_MissingManifest_IsFixedByWritingOne()
    {
        using var project = Minimal(manifest: null);

        var check = project.Run("check", "project", "--python", TestPython.Path);
        var fix = project.Run("check", "project", "--python", TestPython.Path, "--fix");

        Assert.Equal(["project/manifest.json:1:1: error CL1001 no manifest.json: Git-backed deployment needs one committed beside the app"], Lines(check));
        Assert.Contains("[*] 1 fixable with --fix.", check.Stdout);
        Assert.Equal(0, fix.ExitCode);
        Assert.Contains("\"entrypoint\": \"app\"", project.Read("manifest.json"));
    }

    [Theory]
    [InlineData("{\n  \"version\": 1,\n", "project/manifest.json:3:1: error CL1002 manifest.json is not valid JSON: Expecting property name enclosed in double quotes")]
    [InlineData("{\"version\": 1,}", "project/manifest.json:1:15: error CL1002 manifest.json is not valid JSON: Expecting property name enclosed in double quotes")]
    [InlineData("\uFEFF{}", "project/manifest.json:1:1: error CL1002 manifest.json is not valid JSON: file starts with a UTF-8 byte order mark, which Python's json module rejects")]
    [InlineData("", "project/manifest.json:1:1: error CL1002 manifest.json is not valid JSON: Expecting value")]
    public void CL1002_InvalidJson_PointsAtTheLineAndColumn(string manifest, string expected)
    {
        using var project = Minimal(manifest);
        var run = project.Run("check", "project", "--no-python");
        Assert.Equal(1, run.ExitCode);
        Assert.Equal([expected], Lines(run));
    }

    [Fact]
    public void CL1002_NonUtf8_NamesTheByte()
    {
        using var project = Minimal();
        project.WriteBytes("manifest.json", [.. Encoding.UTF8.GetBytes("{\n  \"locale\": \"caf"), 0xE9, .. Encoding.UTF8.GetBytes("\"\n}")]);
        var run = project.Run("check", "project", "--no-python");
        Assert.Equal(["project/manifest.json:2:17: error CL1002 manifest.json is not valid JSON: invalid UTF-8 byte 0xe9"], Lines(run));
    }

    [Fact]
    public void CL1002_DeepNesting_IsADiagnosticNotACrash()
    {
        using var project = Minimal(new string('[', 100_000));
        var run = project.Run("check", "project", "--no-python");
        Assert.Equal(1, run.ExitCode);
        Assert.Contains("CL1002 manifest.json is not valid JSON: nesting deeper than 512 levels", run.Stdout);
    }

    [Fact]
    public void CL1003_WrongTypes_AreReportedAtTheirValues()
    {
        using var project = Minimal("""
            {
              "version": "1",
              "metadata": {"entrypoint": "app"},
              "files": {"app.py": {"checksum": "nope"}, "requirements.txt": []}
            }
            """);
        var run = project.Run("check", "project", "--no-python");
        Assert.Equal(
        [
            "project/manifest.json:2:14: error CL1003 'version' must be an integer, not a string",
            "project/manifest.json:3:15: error CL1003 'metadata.appmode' is missing",
            "project/manifest.json:4:36: error CL1003 the checksum of 'app.py' must be 32 hexadecimal digits (an md5), not \"nope\"",
            "project/manifest.json:4:65: error CL1003 the entry for 'requirements.txt' must be an object {\"checksum\": …}, not an array",
        ], Lines(run));
    }

    [Fact]
    public void CL1004_WrongAppmodeForFlask_IsFixed()
    {
        using var project = Minimal(ValidManifest.Replace("\"python-api\"", "\"python-fastapi\""));
        var run = project.Run("check", "project", "--no-python");
        var fix = project.Run("check", "project", "--no-python", "--fix");
        Assert.Equal(["project/manifest.json:5:16: error CL1004 appmode is 'python-fastapi' but this is a Flask app: Connect serves Flask (WSGI) apps as 'python-api'"], Lines(run));
        Assert.Equal(0, fix.ExitCode);
        Assert.Equal(ValidManifest, project.Read("manifest.json"));
    }

    [Theory]
    [InlineData("app.py:app", "the module 'app.py' ends in '.py'; name the module without it ('app')")]
    [InlineData("src/app:app", "the entrypoint names a path; use a dotted module name (e.g. 'pkg.module:app')")]
    [InlineData("app:create_app()", "'create_app()' is call syntax; Connect looks the object up by name and never calls it with arguments")]
    [InlineData("a:b:c", "the entrypoint has more than one ':'")]
    public void CL1005_EntrypointSyntax(string entrypoint, string problem)
    {
        using var project = Minimal(ValidManifest.Replace("\"entrypoint\": \"app\"", $"\"entrypoint\": \"{entrypoint}\""));
        var run = project.Run("check", "project", "--no-python");
        Assert.Equal([$"project/manifest.json:6:19: error CL1005 invalid entrypoint: {problem}"], Lines(run));
    }

    [Theory]
    [InlineData("my-app:app")]
    [InlineData("pkg.app:application")]
    public void CL1005_CleanTwins(string entrypoint)
    {
        using var project = Minimal(ValidManifest.Replace("\"entrypoint\": \"app\"", $"\"entrypoint\": \"{entrypoint}\""));
        Assert.DoesNotContain("CL1005", project.Run("check", "project", "--no-python").Stdout);
    }

    [Fact]
    public void CL1009_ListedBytecode_IsANote()
    {
        using var project = Minimal(ValidManifest.Replace("\"app.py\": {", "\"__pycache__/app.cpython-311.pyc\": {\n      \"checksum\": \"071247fb76bf273d3195e9f41b263f31\"\n    },\n    \"app.py\": {"));
        var run = project.Run("check", "project", "--no-python", "--select", "CL1009");
        Assert.Equal(["project/manifest.json:20:5: note CL1009 '__pycache__/app.cpython-311.pyc' is Python bytecode; it should not be deployed"], Lines(run));
        Assert.Equal(0, run.ExitCode);
    }

    [Theory]
    [InlineData("/etc/passwd", "the path is absolute")]
    [InlineData("../secrets.txt", "the path climbs out with '..'")]
    [InlineData("static\\\\site.css", "the path contains a backslash; manifests use '/' separators")]
    public void CL1010_UnsafePaths_AreNeverRead(string path, string reason)
    {
        using var project = Minimal(ValidManifest.Replace("\"app.py\": {", $"\"{path}\": {{\n      \"checksum\": \"071247fb76bf273d3195e9f41b263f31\"\n    }},\n    \"app.py\": {{"));
        var run = project.Run("check", "project", "--no-python");
        var shown = path.Replace("\\\\", "\\");
        Assert.Equal([$"project/manifest.json:20:5: error CL1010 '{shown}' cannot be deployed: {reason}; it was not read"], Lines(run));
        project.Run("check", "project", "--no-python", "--fix");
        Assert.Equal(ValidManifest, project.Read("manifest.json"));
    }

    [Fact]
    public void CL1010_SymlinkLeadingOutside_IsNotFollowed()
    {
        using var project = Minimal(ValidManifest.Replace("\"app.py\": {", "\"outside.txt\": {\n      \"checksum\": \"071247fb76bf273d3195e9f41b263f31\"\n    },\n    \"app.py\": {"));
        File.WriteAllText(Path.Combine(project.Root, "secret.txt"), "outside");
        File.CreateSymbolicLink(project.PathOf("outside.txt"), Path.Combine(project.Root, "secret.txt"));
        var run = project.Run("check", "project", "--no-python");
        Assert.Equal(["project/manifest.json:20:5: error CL1010 'outside.txt' cannot be deployed: it leads out of the deployment directory through a symlink; it was not read"], Lines(run));
    }

    [Fact]
    public void CL1012_PackageFileMissing()
    {
        using var project = Minimal(ValidManifest.Replace("\"package_file\": \"requirements.txt\"", "\"package_file\": \"requirements-prod.txt\""));
        var run = project.Run("check", "project", "--no-python", "--select", "CL1012");
        Assert.Equal(["project/manifest.json:13:23: error CL1012 'requirements-prod.txt' (python.package_manager.package_file) does not exist: Connect cannot install the app's packages"], Lines(run));
    }

    [Fact]
    public void CL1013_WebAppManifest_IsSkippedWithANote()
    {
        using var project = Minimal("{\"name\": \"Shop\", \"start_url\": \"/\", \"icons\": []}");
        var run = project.Run("check", "project", "--no-python");
        Assert.Equal(0, run.ExitCode);
        Assert.Single(Lines(run), l => l.StartsWith("project/manifest.json:1:1: note CL1013 ", StringComparison.Ordinal));
    }

    [Fact]
    public void WebAppManifestsBelowAPath_AreNotDeployments()
    {
        using var project = Minimal();
        project.Write("static/manifest.json", "{\"name\": \"Shop\", \"icons\": []}");
        var run = project.Run("check", ".", "--no-python");
        Assert.DoesNotContain("CL1013", run.Stdout);
        Assert.Contains("in 1 deployment.", run.Stdout);
    }

    [Fact]
    public void SymlinkLoop_InTheProject_Finishes()
    {
        using var project = Minimal();
        Directory.CreateDirectory(project.PathOf("loop"));
        Directory.CreateSymbolicLink(project.PathOf("loop/again"), project.PathOf("loop"));
        var run = project.Run("check", "project", "--no-python");
        Assert.Equal(0, run.ExitCode);
    }

    [Fact]
    public void LargeManifest_IsRead()
    {
        var padding = new string('x', 50 * 1024 * 1024);
        using var project = Minimal(ValidManifest.Replace("\"locale\": \"en_US.UTF-8\",", $"\"locale\": \"en_US.UTF-8\",\n  \"x-padding\": \"{padding}\","));
        var run = project.Run("check", "project", "--no-python");
        Assert.Equal(0, run.ExitCode);
    }
}
