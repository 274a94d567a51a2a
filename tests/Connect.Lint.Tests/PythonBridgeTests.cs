using System.Text.RegularExpressions;
using Connect.Lint.Python;
using Snapshooter.Xunit;
using Xunit;

namespace Connect.Lint.Tests;

/// <summary>The Python bridge on real projects through the real interpreter, in both hosts.</summary>
public sealed class PythonBridgeTests
{
    private static readonly string[] Hosts = ["process", "embedded"];

    /// <summary>A fixture copied with a manifest written for the given entrypoint.</summary>
    private static TempProject Deployment(string fixture, string entrypoint)
    {
        var project = TempProject.FromFixture($"python/{fixture}");
        var written = project.Run("write-manifest", "project", "--python", TestPython.Path, "-e", entrypoint);
        Assert.True(written.ExitCode == 0, written.Stderr);
        return project;
    }

    private static string[] Check(TempProject project, string host, params string[] extra) =>
        project.Run(["check", "project", "--python", TestPython.Path, "--python-host", host, "--select", "CL1011,CL2,CL9", .. extra])
            .Stdout.Split('\n').Where(l => l.Contains(" CL")).ToArray();

    public static TheoryData<string, string, string> Layouts()
    {
        var data = new TheoryData<string, string, string>();
        foreach (var host in Hosts)
        {
            data.Add(host, "flaskr:flaskr", "Entrypoint   flaskr  → create_app() called with no arguments (application factory) → Flask app");
            data.Add(host, "package:myapp:app", "Entrypoint   myapp:app  → object 'app' (Flask app)");
            data.Add(host, "application-object:wsgi", "Entrypoint   wsgi  → object 'application' (Flask app)");
            data.Add(host, "hyphen-module:my-app:app", "Entrypoint   my-app:app  → object 'app' (Flask app)");
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Layouts))]
    public void RealLayouts_Resolve(string host, string fixtureAndEntrypoint, string expectedLine)
    {
        var fixture = fixtureAndEntrypoint[..fixtureAndEntrypoint.IndexOf(':')];
        var entrypoint = fixtureAndEntrypoint[(fixture.Length + 1)..];
        using var project = Deployment(fixture, entrypoint);

        var inspect = project.Run("inspect", "project", "--python", TestPython.Path, "--python-host", host);

        Assert.Equal(0, inspect.ExitCode);
        Assert.Contains(expectedLine + "\n", inspect.Stdout);
        Assert.Empty(Check(project, host));
    }

    [Fact]
    public void Flaskr_ListsBothBlueprintsWithTheirPrefixes()
    {
        using var project = Deployment("flaskr", "flaskr");
        var inspect = project.Run("inspect", "project", "--python", TestPython.Path);
        Snapshot.Match(Regex.Replace(inspect.Stdout, "Python [0-9.]+ at", "Python X.Y.Z at"));
    }

    /// <summary>What project code can do at import, and what a user sees for it, under both hosts (the crash: see below).</summary>
    public static TheoryData<string, string, string, string> Hostile()
    {
        var data = new TheoryData<string, string, string, string>();
        (string Fixture, string Expected)[] cases =
        [
            ("run-at-import", "project/app.py:11:1: error CL2006 app.run() runs when the module is imported: under Connect it blocks or fails; put it under 'if __name__ == \"__main__\":'"),
            ("sys-exit", "project/app.py:6:1: error CL2007 importing 'app' calls sys.exit(3): Connect's server process stops"),
            ("deep-exception", "project/settings.py:3:1: error CL2002 importing 'app' raised ValueError: invalid literal for int() with base 10: 'eighty'"),
            ("missing-package", "project/app.py:3:1: warning CL9002 the environment of /usr/bin/python3 has no module 'connect_lint_absent_package', so importing 'app' could not be checked; install the requirements into it"),
            ("loud-stdout", ""),
            ("non-daemon-thread", ""),
            ("signal-handler", ""),
            ("closes-streams", ""),
            ("patched-json", "project/app.py:10:1: error CL2006 app.run() runs when the module is imported: under Connect it blocks or fails; put it under 'if __name__ == \"__main__\":'"),
            ("os-exit", "project/manifest.json:6:19: error CL2007 the interpreter exited with code 7 (os._exit or a crash) while importing 'app'"),
            ("endless-loop", "project/app.py:4:1: error CL2005 importing 'app' did not finish within 3 s and was stopped: Connect would fail to start it"),
        ];
        foreach (var (fixture, expected) in cases)
        {
            foreach (var host in Hosts)
            {
                data.Add(host, fixture, "app", expected);
            }
        }

        data.Add("process", "segfault", "app", "project/app.py:6:1: error CL2007 the interpreter was killed by signal 11 (SIGSEGV) while importing 'app'");
        return data;
    }

    [Theory]
    [MemberData(nameof(Hostile))]
    public void HostileProjects_AreReportedAndNeverHang(string host, string fixture, string entrypoint, string expected)
    {
        using var project = Deployment(fixture, entrypoint);

        var lines = Check(project, host, "--import-timeout", "3");

        if (fixture == "endless-loop")
        {
            // The timeout strikes on the 'while' line or on its body, whichever runs at that instant.
            Assert.Matches("^" + Regex.Escape(expected).Replace(@"app\.py:4:1", @"app\.py:[45]:1", StringComparison.Ordinal) + "$", Assert.Single(lines));
        }
        else
        {
            Assert.Equal(expected.Length == 0 ? [] : [expected], lines);
        }
        Assert.False(Directory.Exists(project.PathOf("__pycache__")), "the bridge must not write bytecode into the project");
    }

    [Theory]
    [InlineData("process")]
    [InlineData("embedded")]
    public void RoutesAndBlueprints(string host)
    {
        using var project = Deployment("routes-and-blueprints", "app:app");
        Assert.Equal(
        [
            "project/app.py:4:9: warning CL2009 Blueprint 'admin' is created but never registered with the app: none of its routes exist",
            "project/app.py:12:1: warning CL2008 GET /items is already served by endpoint 'list_items': endpoint 'list_items_again' is unreachable",
        ], Check(project, host));
    }

    [Fact]
    public void CL2003_ObjectNotFound_IsFixedWhenOneAppExists()
    {
        using var project = Deployment("object-not-found", "app:application");

        var lines = Check(project, "process");
        var fix = project.Run("check", "project", "--python", TestPython.Path, "--fix");

        Assert.Equal(["project/manifest.json:6:19: error CL2003 module 'app' has no object 'application'; it has 'app' (a Flask app)"], lines);
        Assert.Equal(0, fix.ExitCode);
        Assert.Contains("\"entrypoint\": \"app:app\"", project.Read("manifest.json"));
    }

    [Fact]
    public void CL2004_AFactoryNamedInTheEntrypoint()
    {
        using var project = Deployment("factory-named", "myapp:create_app");
        Assert.Equal(
        [
            "project/manifest.json:6:19: error CL2004 'myapp:create_app' is an application factory: Connect serves the named object itself and never calls it. " +
            "Use the bare module 'myapp' (Connect then calls create_app() with no arguments) or a module that does app = create_app()",
        ], Check(project, "process"));
    }

    [Fact]
    public void CL2001_ModuleNotInTheDeployment()
    {
        using var project = Deployment("object-not-found", "nosuch:app");
        Assert.Equal(["project/manifest.json:6:19: error CL2001 module 'nosuch' of entrypoint 'nosuch:app' is not in the deployment: no nosuch.py or nosuch/__init__.py"],
            Check(project, "process"));
    }

    [Fact]
    public void CL1011_PythonVersionMismatch_IsFixed()
    {
        using var project = Deployment("object-not-found", "app:app");
        var manifest = Regex.Replace(project.Read("manifest.json"), "(\"python\": \\{\\n    \"version\": )\"[^\"]*\"", "$1\"3.8.10\"");
        project.Write("manifest.json", manifest);

        var lines = Check(project, "process");
        project.Run("check", "project", "--python", TestPython.Path, "--fix");

        var minor = string.Join('.', TestPython.PythonVersion.Split('.').Take(2));
        Assert.Equal([$"project/manifest.json:9:16: warning CL1011 manifest.json records Python 3.8.10 but /usr/bin/python3 is Python {TestPython.PythonVersion}: Connect looks for a 3.8 on the server, not the {minor} you test with"], lines);
        Assert.Contains($"\"version\": \"{TestPython.PythonVersion}\"", project.Read("manifest.json"));
    }

    [Fact]
    public void CL9001_NoInterpreter_SkipsThePythonRulesOnly()
    {
        using var project = Deployment("object-not-found", "app:application");

        var run = project.Run("check", "project", "--python", "/nonexistent/bin/python3");

        Assert.Contains("project/manifest.json:1:1: warning CL9001 Python-aware checks skipped: interpreter /nonexistent/bin/python3 (--python) does not exist", run.Stdout);
        Assert.DoesNotContain("CL2003", run.Stdout);
    }

    public static TheoryData<string, string> SurvivableFixtures() => new()
    {
        { "flaskr", "flaskr" },
        { "package", "myapp:app" },
        { "application-object", "wsgi" },
        { "hyphen-module", "my-app:app" },
        { "run-at-import", "app" },
        { "sys-exit", "app" },
        { "deep-exception", "app" },
        { "missing-package", "app" },
        { "loud-stdout", "app" },
        { "non-daemon-thread", "app" },
        { "signal-handler", "app" },
        { "closes-streams", "app" },
        { "patched-json", "app" },
        { "os-exit", "app" },
        { "os-exit-zero", "app" },
        { "object-not-found", "app:application" },
        { "factory-named", "myapp:create_app" },
        { "routes-and-blueprints", "app" },
    };

    [Theory]
    [MemberData(nameof(SurvivableFixtures))]
    public void BothHosts_GiveIdenticalFacts(string fixture, string entrypoint)
    {
        using var project = Deployment(fixture, entrypoint);

        string Facts(string host) =>
            project.Run("inspect", "project", "--python", TestPython.Path, "--python-host", host, "--format", "json", "--import-timeout", "3").Stdout
                .Replace($"\"host\": \"{host}\"", "\"host\": \"…\"", StringComparison.Ordinal);

        var process = Facts("process");
        Assert.Contains("\"environment\"", process);
        Assert.Equal(process, Facts("embedded"));
    }

    /// <summary>A second deployment (the flaskr fixture, with its manifest) in the directory beside the project's.</summary>
    private static void AddFlaskrBeside(TempProject project, string name)
    {
        using var second = TempProject.FromFixture("python/flaskr");
        Directory.Move(second.Directory, project.PathOf($"../{name}"));
        Assert.Equal(0, project.Run("write-manifest", name, "--python", TestPython.Path, "-e", "flaskr").ExitCode);
    }

    [Fact]
    public void Embedded_AnOsExitZero_IsAProblem_AndTheNextDeploymentIsStillChecked()
    {
        using var project = Deployment("os-exit-zero", "app");
        AddFlaskrBeside(project, "flaskr");

        var run = project.Run("check", "project", "flaskr", "--python", TestPython.Path, "--python-host", "embedded", "--select", "CL2,CL9");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("project/manifest.json:6:19: error CL2007 the interpreter exited with code 0 (os._exit or a crash) while importing 'app'\n", run.Stdout);
        Assert.Contains("project/app.py:6:1: error CL2006 app.run() runs when the module is imported", run.Stdout);
        Assert.Contains("Found 2 problems (2 errors) in 2 deployments.", run.Stdout);
    }

    [Fact]
    public void Embedded_ASegfault_EndsTheToolNonZero_WithOneLineNamingTheProcessHost()
    {
        using var project = Deployment("segfault", "app");

        var run = ToolProcess.Run(project.Root, ["check", "project", "--python", TestPython.Path, "--python-host", "embedded"]);

        Assert.NotEqual(0, run.ExitCode);
        Assert.Contains(
            $"connect-lint: the embedded Python crashed while importing 'app' from {project.Directory}; run again with --python-host process to have the crash reported as a diagnostic\n",
            run.Stderr);
    }

    [Fact]
    public void Embedded_AnImportThatMovesTheProcessAndCannotBeInterrupted_LeavesTheReportWhereTheUserAskedForIt()
    {
        // The import chdirs to / and then swallows every interruption: the interpreter is lost to it, not the run.
        using var project = Deployment("chdir-and-hang", "app");
        AddFlaskrBeside(project, "second");

        var run = ToolProcess.Run(project.Root,
            ["check", "project", "second", "--python", TestPython.Path, "--python-host", "embedded", "--import-timeout", "2", "--select", "CL2,CL9", "-o", "report.txt"]);

        Assert.Equal(1, run.ExitCode);
        var lines = File.ReadAllLines(Path.Combine(project.Root, "report.txt")).Where(l => l.Contains(" CL", StringComparison.Ordinal)).ToList();
        Assert.Equal("project/app.py:10:1: error CL2005 importing 'app' did not finish within 2 s and was stopped: Connect would fail to start it", lines[0]);

        // Deployments run in parallel: 'second' was either imported first, or after the lost one by the process host.
        Assert.All(lines.Skip(1), line => Assert.Equal(
            "second/manifest.json:1:1: warning CL9001 embedded Python host unavailable, the process host ran instead: an earlier import in this process did not finish and could not be interrupted (it still holds the interpreter)",
            line));
    }

    [Fact]
    public void Embedded_WhatOneDeploymentPatches_IsGoneForTheNext()
    {
        // patched-json replaces json.dumps and json.loads; the deployment after it reads its settings with json.
        using var project = Deployment("patched-json", "app");
        project.Write("../second/app.py", """
            import json

            from flask import Flask

            app = Flask(__name__)
            app.config.update(json.loads('{"GREETING": "hello"}'))
            assert app.config["GREETING"] == json.loads(json.dumps("hello"))
            app.run()
            """);
        project.Write("../second/requirements.txt", "flask==2.2.2\n");
        Assert.Equal(0, project.Run("write-manifest", "second", "--python", TestPython.Path, "-e", "app").ExitCode);

        var run = project.Run("check", "project", "second", "--python", TestPython.Path, "--python-host", "embedded", "--select", "CL2,CL9");

        Assert.Equal(
        [
            "project/app.py:10:1: error CL2006 app.run() runs when the module is imported: under Connect it blocks or fails; put it under 'if __name__ == \"__main__\":'",
            "second/app.py:8:1: error CL2006 app.run() runs when the module is imported: under Connect it blocks or fails; put it under 'if __name__ == \"__main__\":'",
        ], run.Stdout.Split('\n').Where(l => l.Contains(" CL", StringComparison.Ordinal)));
    }

    [Fact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public void Embedded_WithoutASharedLibPython_SaysWhy_AndTheProcessHostAnswers()
    {
        // A build with no libpython beside it (as pyenv's default): here a copy of Debian's python in a prefix of its own.
        using var project = Deployment("sys-exit", "app");
        var python = Path.Combine(project.Root, "static", "bin", "python3.11");
        Directory.CreateDirectory(Path.GetDirectoryName(python)!);
        File.Copy(File.ResolveLinkTarget(TestPython.Path, returnFinalTarget: true)?.FullName ?? TestPython.Path, python);
        File.SetUnixFileMode(python, UnixFileMode.UserRead | UnixFileMode.UserExecute | UnixFileMode.UserWrite);

        // In a process of its own: this process's embedded host must not learn that it is unusable.
        var run = ToolProcess.Run(project.Root, ["check", "project", "--python", python, "--python-host", "embedded", "--select", "CL2,CL9"]);

        Assert.Equal(
        [
            "project/app.py:6:1: error CL2007 importing 'app' calls sys.exit(3): Connect's server process stops",
            $"project/manifest.json:1:1: warning CL9001 embedded Python host unavailable, the process host ran instead: {python} has no shared libpython3.11 in {project.Root}/static/lib (a static build; build it with --enable-shared)",
        ], run.Stdout.Split('\n').Where(l => l.Contains(" CL", StringComparison.Ordinal)));
    }

    [Fact]
    public void SharedLibPython_IsFoundBesideTheInterpreter_ThroughAVenvToo()
    {
        var library = SharedLibPython.Find(TestPython.Path);
        using var project = TempProject.Empty();
        var venv = TestVenv.Create(Path.Combine(project.Root, ".venv"));

        Assert.Matches(@"/libpython3\.\d+\.so(\.1\.0)?$", library);
        Assert.Equal(library, SharedLibPython.Find(venv.Python));
    }

    [Fact]
    public void ManyDeploymentsInOneRun_ThroughTheForkServer_SayWhatEachSaysAlone()
    {
        // Several deployments with one interpreter: on Linux they are forked from one server (ForkServer). Each
        // hostile project must still end as it does in a process of its own (HostileProjects_AreReportedAndNeverHang).
        var expected = Hostile().Where(row => (string)row[0] == "process").ToDictionary(row => (string)row[1], row => (string)row[3]);
        using var root = TempProject.Empty();
        foreach (var fixture in expected.Keys)
        {
            using var copy = Deployment(fixture, "app");
            Directory.Move(copy.Directory, root.PathOf(fixture));
        }

        var run = root.Run("check", "project", "--python", TestPython.Path, "--select", "CL1011,CL2,CL9", "--import-timeout", "3", "--no-cache");

        var lines = run.Stdout.Split('\n').Where(l => l.Contains(" CL", StringComparison.Ordinal)).ToList();
        foreach (var (fixture, line) in expected.Where(e => e.Value.Length > 0))
        {
            var pattern = "^" + Regex.Escape(line.Replace("project/", $"project/{fixture}/", StringComparison.Ordinal)) + "$";
            pattern = fixture == "endless-loop" ? pattern.Replace(@"app\.py:4:1", @"app\.py:[45]:1", StringComparison.Ordinal) : pattern;
            Assert.Single(lines, l => Regex.IsMatch(l, pattern));
        }

        Assert.Equal(expected.Values.Count(v => v.Length > 0), lines.Count);
    }
}
