using Xunit;

namespace Connect.Lint.Tests;

/// <summary>
/// check --rehearse through the real pip and the real interpreter: a fresh environment made from /usr/bin/python3,
/// requirements.txt installed from a local wheelhouse, the import inside it, and requests under Connect's prefix.
/// </summary>
public sealed class RehearsalTests : IDisposable
{
    private const string FlaskApp = "from flask import Flask\n\napp = Flask(__name__)\n\n\n@app.route(\"/\")\ndef index():\n    return \"hello\"\n";

    private readonly TempProject _project = TempProject.Empty();

    public void Dispose() => _project.Dispose();

    private string Cache => Path.Combine(_project.Root, "cache");

    private static string[] Lines(CliRun run) => run.Stdout.Split('\n').Where(l => l.Contains(" CL", StringComparison.Ordinal)).ToArray();

    private CliRun Rehearse(string python = TestPython.Path, params string[] extra) =>
        ToolProcess.RunWithEnvironment(_project.Root, ["check", "project", "--python", python, "--rehearse", .. extra], Wheelhouse.Environment(Cache));

    private void WriteProject(string app, string requirements, string python = TestPython.Path)
    {
        _project.Write("app.py", app);
        _project.Write("requirements.txt", requirements);
        var written = _project.Run("write-manifest", "project", "--python", python);
        Assert.True(written.ExitCode == 0, written.Stderr);
    }

    private string[] ProjectFiles() =>
        Directory.EnumerateFileSystemEntries(_project.Directory, "*", SearchOption.AllDirectories)
            .Select(p => Path.GetRelativePath(_project.Directory, p) + "@" + (File.Exists(p) ? File.GetLastWriteTimeUtc(p).Ticks : 0))
            .Order(StringComparer.Ordinal).ToArray();

    [Fact]
    public void CleanApp_InstallsAndImports_ThenReusesTheEnvironment_WritingNothingIntoTheProject()
    {
        WriteProject(FlaskApp, "flask==2.2.2\n");
        var before = ProjectFiles();

        var first = Rehearse();
        var second = Rehearse();

        Assert.True(first.ExitCode == 0, first.Stdout + first.Stderr);
        Assert.Empty(Lines(first));
        Assert.Contains("rehearsal with Python 3.11.", first.Stderr);
        Assert.Matches(@"fresh environment made \(\d+\.\d s\) and requirements.txt installed \(\d+\.\d s\), app imported \(\d+\.\d s\), 1 GET route requested under /content/", first.Stderr);
        Assert.True(second.ExitCode == 0, second.Stdout + second.Stderr);
        Assert.Contains("fresh environment for requirements.txt reused (unchanged; --no-cache makes a new one), app imported", second.Stderr);
        Assert.Equal(before, ProjectFiles());
        Assert.Single(KeptEnvironments());
    }

    /// <summary>The environments kept in the cache (the interpreter's seed, which new environments copy pip from, left out).</summary>
    private string[] KeptEnvironments() =>
        Directory.Exists(Path.Combine(Cache, "rehearsals"))
            ? Directory.GetDirectories(Path.Combine(Cache, "rehearsals")).Where(d => !Path.GetFileName(d).StartsWith("seed-", StringComparison.Ordinal)).ToArray()
            : [];

    [Fact]
    public void PastTheSizeLimit_TheLeastRecentlyUsedEnvironmentGoes()
    {
        WriteProject(FlaskApp, "flask==2.2.2\n");
        var limited = Wheelhouse.Environment(Cache);
        limited["CONNECT_LINT_REHEARSAL_CACHE_MB"] = "0";
        string[] check = ["check", "project", "--python", TestPython.Path, "--rehearse"];

        var first = ToolProcess.RunWithEnvironment(_project.Root, check, limited);
        var kept = KeptEnvironments();
        _project.Write("requirements.txt", "flask==2.2.2\nclick==8.1.3\n");
        var second = ToolProcess.RunWithEnvironment(_project.Root, check, limited);

        Assert.Contains("fresh environment made", first.Stderr);
        Assert.Contains("fresh environment made", second.Stderr);
        var now = Assert.Single(KeptEnvironments());
        Assert.DoesNotContain(now, kept);
    }

    [Fact]
    public void PinThatDoesNotExist_IsReportedAtItsLine_WithWhatTheIndexHas()
    {
        WriteProject(FlaskApp, "flask==2.2.2\ntinyhelper==9.9\n");

        var run = Rehearse();

        Assert.Equal(1, run.ExitCode);
        Assert.Equal(
            ["project/requirements.txt:2:1: error CL3012 'tinyhelper==9.9' does not install into a fresh environment: no version of tinyhelper satisfies it (available: 1.0, 2.0); Connect's deploy stops at the same pip install"],
            Lines(run));
        Assert.Contains("pip install -r requirements.txt failed in a fresh environment", run.Stderr);
        Assert.True(KeptEnvironments().Length == 0, "a failed install is not kept");
    }

    [Fact]
    public void ConflictingPins_AreReportedAtBothLines_WithPipsReason()
    {
        WriteProject(FlaskApp + "\nimport tinyhelper\nimport needs_old_helper\n", "flask==2.2.2\ntinyhelper==2.0\nneeds-old-helper==1.0\n");

        var run = Rehearse(TestPython.Path, "--select", "CL3012");

        const string reason = "the resolver found conflicting requirements (The user requested tinyhelper==2.0; needs-old-helper 1.0 depends on tinyhelper==1.0); Connect's deploy stops at the same pip install";
        Assert.Equal(
            [
                $"project/requirements.txt:2:1: error CL3012 'tinyhelper==2.0' does not install into a fresh environment: {reason}",
                $"project/requirements.txt:3:1: error CL3012 'needs-old-helper==1.0' does not install into a fresh environment: {reason}",
            ],
            Lines(run));
    }

    [Fact]
    public void SourceDistributionThatDoesNotBuild_IsReportedAtItsLine_WithItsOwnReason()
    {
        WriteProject(FlaskApp, "flask==2.2.2\nbrokenpkg==1.0\n");

        var run = Rehearse(TestPython.Path, "--select", "CL3012");

        Assert.Equal(
            ["project/requirements.txt:2:1: error CL3012 'brokenpkg==1.0' does not install into a fresh environment: it does not build: brokenpkg needs the libfoo headers (libfoo-dev): not found; Connect's deploy stops at the same pip install"],
            Lines(run));
    }

    [Fact]
    public void LocalPath_DoesNotInstallWithoutTheProject_AndPipBuildsNothingIntoIt()
    {
        _project.Write("setup.py", "from setuptools import setup\nsetup(name='inventory', version='0.1', py_modules=['app'])\n");
        WriteProject(FlaskApp, "flask==2.2.2\n-e .\n");
        var before = ProjectFiles();

        var run = Rehearse(TestPython.Path, "--select", "CL3004,CL3012");

        Assert.Equal(
            [
                "project/requirements.txt:2:1: error CL3004 '-e .' points at a local path, which does not exist on Connect's server",
                "project/requirements.txt:2:1: error CL3012 '-e .' does not install into a fresh environment: it names a local path, which is not there when the requirements are installed on their own, as Connect installs them (pip: . does not appear to be a Python project: neither 'setup.py' nor 'pyproject.toml' found.); Connect's deploy stops at the same pip install",
            ],
            Lines(run));
        Assert.Equal(before, ProjectFiles()); // no inventory.egg-info: pip ran away from the project
    }

    [Fact]
    public void ImportOnlyTheDevelopmentEnvironmentHas_IsProven_AndCL3003DoesNotGuessIt()
    {
        var venv = TestVenv.Create(Path.Combine(_project.Root, "devenv"))
            .Install("devonly", "1.0", new Dictionary<string, string> { ["devonly/__init__.py"] = "" });
        WriteProject("import devonly\n" + FlaskApp, "flask==2.2.2\n", venv.Python);

        var run = Rehearse(venv.Python, "--select", "CL3");

        Assert.Equal(
            ["project/app.py:1:1: error CL3013 importing 'app' fails in a fresh environment made from requirements.txt (ModuleNotFoundError: No module named 'devonly'): devonly is installed where you test but not declared; add it to requirements.txt"],
            Lines(run));
        var guess = ToolProcess.RunWithEnvironment(_project.Root, ["check", "project", "--python", venv.Python, "--select", "CL3"], Wheelhouse.Environment(Cache));
        Assert.Contains("project/app.py:1:1: error CL3003 'devonly' is imported but devonly is not in requirements.txt", guess.Stdout);
    }

    private void WriteServedApp()
    {
        _project.Write("templates/index.html",
            "<html><head>\n<link rel=\"stylesheet\" href=\"/static/x.css\">\n<link rel=\"stylesheet\" href=\"{{ url_for('static', filename='y.css') }}\">\n" +
            "</head><body><a href=\"{{ url_for('login') }}\">login</a></body></html>\n");
        WriteProject(
            """
            import time

            from flask import Flask, redirect, render_template, url_for

            app = Flask(__name__)


            @app.route("/")
            def index():
                return render_template("index.html")


            @app.route("/account")
            def account():
                return redirect("/login")


            @app.route("/home")
            def home():
                return redirect(url_for("index"))


            @app.route("/login")
            def login():
                return "login"


            @app.route("/report/<int:year>")
            def report(year):
                return "never requested: it takes a parameter"


            @app.route("/broken")
            def broken():
                return {"total": 1 / 0}


            @app.route("/slow")
            def slow():
                time.sleep(60)

            """, "flask==2.2.2\n");
    }

    [Fact]
    public void ServedUnderThePrefix_RootRelativeRedirectAndHrefAreProven_UrlForOnesAreNot()
    {
        WriteServedApp();

        var run = Rehearse(TestPython.Path, "--select", "CL2011,CL5");

        Assert.Equal(
            [
                "project/app.py:15:21: warning CL5005 GET /account redirected to /login when requested under Connect's path prefix: a root-relative URL resolves against the server's root, outside the app; build it with url_for(...)",
                "project/app.py:35:1: warning CL2011 GET /broken raised ZeroDivisionError: division by zero when the rehearsal requested it under Connect's path prefix in a fresh environment",
                "project/app.py:40:1: warning CL2011 GET /slow gave no answer within 5 s when the rehearsal requested it under Connect's path prefix in a fresh environment",
                "project/templates/index.html:2:30: warning CL5005 GET / served a page with href=\"/static/x.css\" when requested under Connect's path prefix: a root-relative URL resolves against the server's root, outside the app; use url_for('static', filename='x.css')",
            ],
            Lines(run));
        Assert.Contains("6 GET routes requested under /content/", run.Stderr);
    }

    [Fact]
    public void RehearseImport_MakesNoRequests_SoTheTextGuessesStand()
    {
        WriteServedApp();

        var run = Rehearse(TestPython.Path, "--select", "CL2011,CL5", "--rehearse", "import");

        Assert.DoesNotContain("CL5005", run.Stdout);
        Assert.DoesNotContain("CL2011", run.Stdout);
        Assert.Contains("project/app.py:15:21: warning CL5003", run.Stdout);
        Assert.Contains("project/templates/index.html:2:30: warning CL5003", run.Stdout);
        Assert.Contains("app imported", run.Stderr);
        Assert.DoesNotContain("requested under", run.Stderr);
    }

    [Fact]
    public void ManifestOfAnotherPython_IsSaidToBeUnproven()
    {
        WriteProject(FlaskApp, "flask==2.2.2\n");
        _project.Write("manifest.json", _project.Read("manifest.json").Replace($"\"version\": \"{TestPython.PythonVersion}\"", "\"version\": \"3.9.18\"", StringComparison.Ordinal));

        var run = Rehearse(TestPython.Path, "--select", "CL1015");

        var line = Assert.Single(Lines(run));
        Assert.Matches(@"^project/manifest.json:\d+:\d+: warning CL1015 the rehearsal ran Python 3\.11\.\d+ \(/usr/bin/python3\) but manifest.json records 3\.9\.18: Connect installs and runs this content with a Python 3\.9 ", line);
    }

    /// <summary>An index that accepts and never answers (on loopback): pip waits, and --install-timeout cuts it off.</summary>
    [Fact]
    public void InstallCutOffByTheTimeLimit_IsNeverSaidToHaveInstalled()
    {
        using var silent = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        silent.Start();
        var held = new List<System.Net.Sockets.Socket>();
        _ = Task.Run(() =>
        {
            try
            {
                while (true)
                {
                    held.Add(silent.AcceptSocket());
                }
            }
            catch (System.Net.Sockets.SocketException)
            {
            }
            catch (ObjectDisposedException)
            {
            }
        });
        WriteProject(FlaskApp, "flask==2.2.2\n");
        var environment = Wheelhouse.Environment(Cache);
        environment["PIP_NO_INDEX"] = null;
        environment["PIP_FIND_LINKS"] = null;
        environment["PIP_INDEX_URL"] = $"http://127.0.0.1:{((System.Net.IPEndPoint)silent.LocalEndpoint).Port}/simple";
        environment["PIP_TIMEOUT"] = "120";

        var run = ToolProcess.RunWithEnvironment(_project.Root, ["check", "project", "--python", TestPython.Path, "--rehearse", "--install-timeout", "3"], environment);

        var summary = run.Stderr.Split('\n').Single(l => l.Contains("rehearsal with Python", StringComparison.Ordinal));
        Assert.DoesNotContain(" installed (", summary);
        Assert.Contains("requirements.txt not installed: pip install -r requirements.txt did not finish in 3 s (--install-timeout)", summary);
        silent.Stop();
    }

    [Fact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public void InterpreterWithoutVenv_SaysTheRehearsalStoppedShort()
    {
        var launcher = Path.Combine(_project.Root, "python-without-venv");
        File.WriteAllText(launcher, "#!/bin/sh\nif [ \"$1 $2\" = \"-m venv\" ]; then echo 'The virtual environment was not created successfully because ensurepip is not available.' >&2; exit 1; fi\nexec /usr/bin/python3 \"$@\"\n");
        File.SetUnixFileMode(launcher, (UnixFileMode)0b111_101_101);
        WriteProject(FlaskApp, "flask==2.2.2\n");

        var run = Rehearse(launcher, "--select", "CL9006");

        var line = Assert.Single(Lines(run));
        Assert.StartsWith("project/requirements.txt:1:1: warning CL9006 the deploy rehearsal stopped short: ", line);
        Assert.EndsWith("-m venv could not make an environment (The virtual environment was not created successfully because ensurepip is not available.); on Debian and Ubuntu install python3-venv", line);
    }

    [Fact]
    public void RehearseInConfiguration_TurnsItOn_AndNoCacheLeavesNothingBehind()
    {
        _project.Write("pyproject.toml", "[tool.connect-lint]\nrehearse = \"import\"\n");
        WriteProject(FlaskApp, "flask==2.2.2\n");

        // A temporary directory of this run's own: other tests' rehearsals (run in parallel) use the machine's.
        var environment = Wheelhouse.Environment(Cache);
        var temporary = Path.Combine(_project.Root, "tmp");
        Directory.CreateDirectory(temporary);
        environment["TMPDIR"] = temporary;

        var run = ToolProcess.RunWithEnvironment(_project.Root, ["check", "project", "--python", TestPython.Path, "--no-cache"], environment);

        Assert.True(run.ExitCode == 0, run.Stdout + run.Stderr);
        Assert.Contains("rehearsal with Python 3.11.", run.Stderr);
        Assert.Contains("fresh environment made", run.Stderr);
        Assert.DoesNotContain("requested under", run.Stderr);
        Assert.False(Directory.Exists(Path.Combine(Cache, "rehearsals")));
        Assert.Empty(Directory.GetDirectories(temporary, "connect-lint-rehearsal-*"));
    }
}
