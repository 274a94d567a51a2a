using System.Text.Json.Nodes;
using Xunit;

namespace Connect.Lint.Tests;

/// <summary>
/// rsconnect-python's newer project flows (its main.py, pyproject.py and subprocesses/inspect_environment.py):
/// [tool.rsconnect] gives write-manifest its entrypoint and requirements source; -r pyproject.toml exports
/// [project].dependencies to requirements.txt; -r uv.lock runs uv export into requirements.txt.lock (package manager
/// uv); and an export that pyproject.toml has outgrown is CL3011, fixed by regenerating it.
/// </summary>
public sealed class PyprojectFlowTests
{
    private static TempProject Project(string pyproject)
    {
        var project = TempProject.FromFixture("parity/01-minimal/app");
        File.Delete(project.PathOf("requirements.txt"));
        project.Write("pyproject.toml", pyproject);
        return project;
    }

    private static JsonNode PackageManager(TempProject project) => JsonNode.Parse(project.Read("manifest.json"))!["python"]!["package_manager"]!;

    [Fact]
    public void RequirementsFromPyproject_AreExportedAsRsconnectDoes_AndAStaleExportIsFixed()
    {
        using var project = Project("[project]\nname = \"demo\"\ndependencies = [\"flask>=2\", \"itsdangerous\"]\n");

        var written = project.Run("write-manifest", "project", "-p", TestPython.Path, "-r", "pyproject.toml");

        Assert.Equal(0, written.ExitCode);
        Assert.Matches(@"^# requirements\.txt generated from pyproject\.toml by connect-lint on \d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d{6}\+00:00\nflask>=2\nitsdangerous$", project.Read("requirements.txt"));
        Assert.Equal("requirements.txt", (string)PackageManager(project)["package_file"]!);
        Assert.Equal(0, project.Run("check", "project", "--no-python", "--select", "CL10,CL3011").ExitCode);

        project.Write("pyproject.toml", "[project]\nname = \"demo\"\ndependencies = [\"flask>=2\", \"itsdangerous\", \"markupsafe\"]\n");
        var stale = project.Run("check", "project", "--no-python", "--select", "CL10,CL3011");
        var fixedRun = project.Run("check", "project", "--no-python", "--select", "CL10,CL3011", "--fix");

        Assert.Equal(1, stale.ExitCode);
        Assert.Contains("project/requirements.txt:1:1: warning CL3011 requirements.txt was generated from pyproject.toml, whose [project].dependencies changed since (+markupsafe)", stale.Stdout);
        Assert.Equal(0, fixedRun.ExitCode);
        Assert.EndsWith("\nflask>=2\nitsdangerous\nmarkupsafe", project.Read("requirements.txt"));
    }

    [Fact]
    public void ToolRsconnect_GivesTheEntrypointAndTheRequirementsSource()
    {
        using var project = Project("[project]\nname = \"demo\"\ndependencies = [\"flask\"]\n\n[tool.rsconnect]\napp_mode = \"python-api\"\nentrypoint = \"app:app\"\nrequirements_file = \"pyproject.toml\"\n");

        var run = project.Run("write-manifest", "project", "-p", TestPython.Path);

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("\"entrypoint\": \"app:app\"", project.Read("manifest.json"));
        Assert.StartsWith("# requirements.txt generated from pyproject.toml", project.Read("requirements.txt"));
    }

    [Fact]
    public void ToolRsconnect_ForOtherContent_IsRefused()
    {
        using var project = Project("[tool.rsconnect]\napp_mode = \"python-fastapi\"\nentrypoint = \"app:app\"\n");

        var run = project.Run("write-manifest", "project", "-p", TestPython.Path);

        Assert.Equal(1, run.ExitCode);
        Assert.StartsWith("connect-lint: error: pyproject.toml's [tool.rsconnect] app_mode is 'python-fastapi': write-manifest writes python-api (Flask) manifests", run.Stderr);
    }

    [Fact]
    public void ToolRsconnect_EntrypointConnectCannotImport_IsRefused_NamingTheTable()
    {
        using var project = Project("[tool.rsconnect]\napp_mode = \"python-api\"\nentrypoint = \"app.py\"\n");
        project.Write("requirements.txt", "flask\n");

        var run = project.Run("write-manifest", "project", "-p", TestPython.Path);

        Assert.Equal(1, run.ExitCode);
        Assert.StartsWith("connect-lint: error: pyproject.toml's [tool.rsconnect] entrypoint 'app.py': the module 'app.py' ends in '.py'", run.Stderr);
    }

    [Fact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public void UvLock_IsExportedWithUv_IntoRequirementsTxtLock_OrSaysUvIsMissing()
    {
        using var project = Project("[project]\nname = \"demo\"\ndependencies = [\"flask\"]\n");
        project.Write("uv.lock", "version = 1\n");
        // uv itself is not installable here (no PyPI): a stand-in on PATH records its arguments and writes what uv export would.
        project.Write("../bin/uv", "#!/bin/sh\necho \"$@\" > \"$(dirname \"$0\")/uv-arguments\"\nwhile [ \"$1\" != \"--output-file\" ]; do shift; done\nprintf 'flask==3.0.3\\nrsconnect-python==1.0\\nwerkzeug==3.0.1\\n' > \"$2\"\n");
        File.SetUnixFileMode(project.PathOf("../bin/uv"), (UnixFileMode)0b111_101_101);
        var withUv = new Dictionary<string, string?> { ["PATH"] = project.PathOf("../bin") + ":/usr/bin:/bin" };
        var withoutUv = new Dictionary<string, string?> { ["PATH"] = "/usr/bin:/bin" };

        var missing = ToolProcess.RunWithEnvironment(project.Root, ["write-manifest", "project", "-p", TestPython.Path, "-r", "uv.lock"], withoutUv);
        var run = ToolProcess.RunWithEnvironment(project.Root, ["write-manifest", "project", "-p", TestPython.Path, "-r", "uv.lock"], withUv);

        Assert.Equal(1, missing.ExitCode);
        Assert.Contains("exporting uv.lock runs 'uv export' (as rsconnect does), and uv is not on PATH", missing.Stderr);
        Assert.Equal(0, run.ExitCode);
        Assert.StartsWith("export --format requirements-txt --frozen --no-hashes --no-annotate --offline --no-header --no-emit-project --output-file ", File.ReadAllText(project.PathOf("../bin/uv-arguments")));
        Assert.Matches(@"^# requirements\.txt\.lock generated from uv\.lock by connect-lint on .+\nflask==3\.0\.3\nwerkzeug==3\.0\.1\n$", project.Read("requirements.txt.lock"));
        Assert.Equal("uv", (string)PackageManager(project)["name"]!);
        Assert.Equal("requirements.txt.lock", (string)PackageManager(project)["package_file"]!);
    }
}
