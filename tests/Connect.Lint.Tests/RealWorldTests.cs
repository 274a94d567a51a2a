using Xunit;

namespace Connect.Lint.Tests;

/// <summary>
/// Real-world layouts (Fixtures/realworld, written for these tests), checked end to end with the real interpreter:
/// each must get the diagnostics that describe a real deploy or security problem, and no other error.
/// </summary>
public sealed class RealWorldTests
{
    private static IReadOnlyList<Found> Check(TempProject project, params string[] extra) => Check(project, TestPython.Path, extra);

    private static IReadOnlyList<Found> Check(TempProject project, string python, params string[] extra)
    {
        var run = project.Run(["check", "project", "--python", python, "--format", "json", "--exit-zero", .. extra]);
        Assert.True(run.ExitCode == 0, run.Stderr);
        return Found.FromJson(run.Stdout);
    }

    private static string Errors(IEnumerable<Found> found) =>
        string.Join(", ", found.Where(f => f.Severity == "error").Select(f => f.Code).Order());

    [Fact]
    public void SetupPyBesideAPackageFactory_IsNeverTheEntrypoint()
    {
        using var project = TempProject.FromFixture("realworld/setup-py-factory");

        var found = Check(project);

        // The only error is the missing manifest, and its fix names the package: setup.py is never imported.
        Assert.Equal("CL1001", Errors(found));
        Assert.DoesNotContain(found, f => f.Code is "CL2002" or "CL2007");
        Assert.Equal(0, project.Run("write-manifest", "project", "--python", TestPython.Path).ExitCode);
        Assert.Contains("\"entrypoint\": \"myapp\"", project.Read("manifest.json"));
        Assert.Equal(string.Empty, Errors(Check(project)));
    }

    [Fact]
    public void WithoutAnyApp_TheMessageSaysWhatWasConsideredAndWhy()
    {
        using var project = TempProject.FromFixture("realworld/setup-py-factory");
        Directory.Delete(project.PathOf("myapp"), recursive: true);

        var run = project.Run("write-manifest", "project", "--python", TestPython.Path);

        Assert.Equal(1, run.ExitCode); // refused, as rsconnect refuses
        Assert.Contains("cannot tell which module is the app (not apps: setup (setup.py is a packaging script: importing it runs setuptools)); pass --entrypoint module:app", run.Stderr);
    }

    [Fact]
    public void ConfigClassesTheAppDoesNotLoad_AreNotDebugOrLiteralKeys()
    {
        using var project = TempProject.FromFixture("realworld/config-classes");
        Assert.Equal(0, project.Run("write-manifest", "project", "--python", TestPython.Path).ExitCode);

        var found = Check(project);

        Assert.Equal(string.Empty, Errors(found));
        Assert.DoesNotContain(found, f => f.Code is "CL5001" or "CL5002");
    }

    [Fact]
    public void ALiteralFallbackTheAppEndsUpWith_IsReportedWhereItIsWritten()
    {
        using var project = TempProject.FromFixture("realworld/config-classes");
        project.Write("config.py", project.Read("config.py").Replace("os.environ.get(\"SECRET_KEY\")", "os.environ.get(\"SECRET_KEY\", \"change-me\")", StringComparison.Ordinal));
        Assert.Equal(0, project.Run("write-manifest", "project", "--python", TestPython.Path).ExitCode);

        var found = Check(project);

        var secret = Assert.Single(found, f => f.Code == "CL5002");
        Assert.Equal(("error", "project/config.py", 6), (secret.Severity, secret.File, secret.Line));
        Assert.DoesNotContain("change-me", string.Join("\n", found.Select(f => f.Message)), StringComparison.Ordinal);
    }

    /// <summary>reportkit 1.4 imports a name tablecore 2.0 no longer has: a version mismatch between installed packages.</summary>
    private static TestVenv MismatchedEnvironment(TempProject project) =>
        TestVenv.Create(Path.Combine(project.Root, "venv"))
            .Install("tablecore", "2.0", new Dictionary<string, string> { ["tablecore/__init__.py"] = "def render_rows(rows):\n    return rows\n" })
            .Install("reportkit", "1.4", new Dictionary<string, string> { ["reportkit/__init__.py"] = "from tablecore import render_table\n\ndef render(rows):\n    return render_table(rows)\n" },
                "tablecore>=1,<2");

    [Fact]
    public void ACannotImportNameInsideInstalledPackages_IsAVersionMismatch_NotAMissingPackage()
    {
        using var project = TempProject.FromFixture("realworld/version-mismatch");
        var venv = MismatchedEnvironment(project);
        Assert.Equal(0, project.Run("write-manifest", "project", "--python", venv.Python).ExitCode);

        var found = Check(project, venv.Python);

        Assert.DoesNotContain(found, f => f.Code == "CL9002");
        var conflict = Assert.Single(found, f => f.Code == "CL3010");
        Assert.Equal(("project/requirements.txt", 3), (conflict.File, conflict.Line));
        Assert.StartsWith("tablecore==2.0 conflicts with reportkit==1.4, which requires tablecore", conflict.Message);
        var failed = Assert.Single(found, f => f.Code == "CL2002");
        Assert.Equal(("project/app.py", 3), (failed.File, failed.Line));
        Assert.Contains("cannot import name 'render_table' from 'tablecore'", failed.Message);
        Assert.True(failed.Message.Contains("a version mismatch, not a missing package): reportkit 1.4 (requirements.txt:2 'reportkit==1.4'), tablecore 2.0 (requirements.txt:3 'tablecore==2.0')", StringComparison.Ordinal), failed.Message);
    }

    [Fact]
    public void AModuleThatIsNotInstalledAtAll_IsStillCL9002()
    {
        using var project = TempProject.FromFixture("realworld/version-mismatch");
        var venv = TestVenv.Create(Path.Combine(project.Root, "venv"));
        Assert.Equal(0, project.Run("write-manifest", "project", "--python", venv.Python).ExitCode);

        var found = Check(project, venv.Python);

        Assert.Contains("has no module 'reportkit'", Assert.Single(found, f => f.Code == "CL9002").Message);
        Assert.DoesNotContain(found, f => f.Code == "CL2002");
    }

    [Fact]
    public void AnExtensionBasedApp_FlaskOnlyThroughTheExtension_IsANote_AndAScriptTheAppNeverImportsDoesNotCount()
    {
        using var project = TempProject.FromFixture("realworld/extension-app");
        var venv = TestVenv.Create(Path.Combine(project.Root, "venv"))
            .Install("restkit", "1.1", new Dictionary<string, string> { ["restkit/__init__.py"] = "class Api:\n    def __init__(self, app, title=None):\n        self.app = app\n" }, "Flask>=2.0");
        Assert.Equal(0, project.Run("write-manifest", "project", "--python", venv.Python).ExitCode);

        var found = Check(project, venv.Python);

        Assert.Equal(string.Empty, Errors(found));
        var flask = Assert.Single(found, f => f.Code == "CL3003");
        Assert.Equal(("note", "project/app.py", 1), (flask.Severity, flask.File, flask.Line));
        Assert.Contains("declared only through restkit", flask.Message);
        Assert.DoesNotContain(found, f => f.Message.Contains("torch", StringComparison.Ordinal));
    }

    [Fact]
    public void ASrcLayoutPackage_IsNeverARequirement_ButConnectCannotImportIt()
    {
        using var project = TempProject.FromFixture("realworld/src-layout");
        Assert.Equal(0, project.Run("write-manifest", "project", "--python", TestPython.Path).ExitCode);

        var found = Check(project);

        Assert.Equal("CL2010", Errors(found));
        Assert.Equal(("project/app.py", 3), Assert.Single(found, f => f.Code == "CL2010") is var f ? (f.File, f.Line) : default);
        Assert.DoesNotContain(found, f => f.Code is "CL3003" or "CL9002" or "CL2002");
    }

    [Fact]
    public void ClutterAnOldManifestLists_IsReportedLikeJunkAboutToBeWritten()
    {
        using var project = TempProject.FromFixture("realworld/config-classes");
        Assert.Equal(0, project.Run("write-manifest", "project", "--python", TestPython.Path).ExitCode);
        project.Write(".DS_Store", "\0\0\0\u0001Bud1");
        project.Write(".idea/workspace.xml", "<project/>\n");
        project.Write("manifest.json", project.Read("manifest.json").Replace("\"files\": {\n", "\"files\": {\n    \".DS_Store\": {\"checksum\": \"00000000000000000000000000000000\"},\n    \".idea/workspace.xml\": {\"checksum\": \"00000000000000000000000000000000\"},\n", StringComparison.Ordinal));

        var found = Check(project);

        Assert.Equal(["project/manifest.json", "project/manifest.json"], found.Where(f => f.Code == "CL1009").Select(f => f.File));
        Assert.Contains(found, f => f.Code == "CL1009" && f.Message.StartsWith("'.DS_Store' is operating-system clutter", StringComparison.Ordinal));
        Assert.Contains(found, f => f.Code == "CL1009" && f.Message.StartsWith("'.idea/workspace.xml' is an editor's settings", StringComparison.Ordinal));
        Assert.Equal(string.Empty, Errors(found));
    }

    [Fact]
    public void ACliScriptThatRunsSomethingOfItsOwn_AndTheTests_AreNotWhatConnectRuns()
    {
        using var project = TempProject.FromFixture("realworld/cli-and-tests");
        Assert.Equal(0, project.Run("write-manifest", "project", "--python", TestPython.Path).ExitCode);

        var found = Check(project);

        // The import stops at reportlib (not installed here): the static look at manage.py's cm.run() is not an app's run.
        Assert.Equal("CL9002", Assert.Single(found).Code);
    }

    [Fact]
    public void AnEntrypointThatIsNotThere_ReachesNothing_SoNoFileIsJudgedAsTheApps()
    {
        using var project = TempProject.FromFixture("realworld/cli-and-tests");
        Assert.Equal(0, project.Run("write-manifest", "project", "--python", TestPython.Path, "--entrypoint", "wsgi:app").ExitCode);

        var found = Check(project);

        Assert.Equal("CL2001", Errors(found));
        Assert.DoesNotContain(found, f => f.File.Contains("tests/", StringComparison.Ordinal) || f.File.EndsWith("manage.py", StringComparison.Ordinal));
    }

    [Fact]
    public void AFrozenRequirementsFileAVendoredEditorAndTheDocs_AreOneFindingAndNotes_NotADozenWarnings()
    {
        using var project = TempProject.FromFixture("realworld/frozen-blog");
        Assert.Equal(0, project.Run("write-manifest", "project", "--python", TestPython.Path).ExitCode);
        project.Write("README.md", "# Blog\n");
        project.Write("CHANGELOG.md", "# Changes\n");
        project.Write("LICENSE", "MIT\n");
        project.WriteBytes("docs/screenshot.png", [0x89, 0x50, 0x4e, 0x47]);

        var found = Check(project);

        var drift = Assert.Single(found, f => f.Severity == "warning");
        Assert.Equal(("CL3008", "project/requirements.txt", 2), (drift.Code, drift.File, drift.Line));
        Assert.Contains("and 5 more pins differ: Flask==2.0.1 (2.2.2 installed), itsdangerous==2.0.1", drift.Message);
        Assert.Equal(["CL1008 note CHANGELOG.md", "CL1008 note LICENSE", "CL1008 note README.md", "CL1008 note docs/screenshot.png"],
            found.Where(f => f.Severity != "warning").Select(f => $"{f.Code} {f.Severity} {f.Message.Split('\'')[1]}"));
        Assert.DoesNotContain(found, f => f.Code == "CL5003");
    }

    [Fact]
    public void ARootRelativeUrlInTheAppsOwnTemplate_IsStillReported()
    {
        using var project = TempProject.FromFixture("realworld/frozen-blog");
        project.Write("templates/index.html", project.Read("templates/index.html") + "<a href=\"/about\">About</a>\n");
        Assert.Equal(0, project.Run("write-manifest", "project", "--python", TestPython.Path).ExitCode);

        Assert.Equal(("project/templates/index.html", 7), Assert.Single(Check(project), f => f.Code == "CL5003") is var f ? (f.File, f.Line) : default);
    }

    [Fact]
    public void ASubmoduleGoneFromANewerInstalledPackage_IsAVersionMismatchNamingBoth_AtTheProjectsLine_EvenWithTheVenvInsideTheProject()
    {
        using var project = TempProject.FromFixture("realworld/extension-too-old");
        var venv = TestVenv.Create(project.PathOf(".venv")) // Debian's Flask 2.2 through system site-packages; flask._compat went in 2.0
            .Install("Flask-API", "1.1", new Dictionary<string, string>
            {
                ["flask_api/__init__.py"] = "from flask_api.app import FlaskAPI\n",
                ["flask_api/app.py"] = "from flask._compat import reraise\nfrom flask import Flask\n\n\nclass FlaskAPI(Flask):\n    pass\n",
            }, "Flask>=1.1");
        Assert.Equal(0, project.Run("write-manifest", "project", "--python", venv.Python).ExitCode);

        var found = Check(project, venv.Python);

        Assert.DoesNotContain(found, f => f.Code == "CL9002");
        var failed = Assert.Single(found, f => f.Severity == "error");
        Assert.Equal(("CL2002", "project/app.py", 1), (failed.Code, failed.File, failed.Line));
        Assert.EndsWith("No module named 'flask._compat' — the installed versions do not work together (a version mismatch, not a missing package): " +
            "Flask-API 1.1 (requirements.txt:2 'Flask-API==1.1'), Flask 2.2.2 (requirements.txt:1 'Flask==2.2.2'); pin versions that are released to work together", failed.Message);
    }
}
