using Xunit;

namespace Connect.Lint.Tests;

/// <summary>
/// check --rehearse past pip: the import inside the fresh environment, and the requests under Connect's prefix.
/// </summary>
public sealed class RehearsalServeTests : RehearsalTestBase
{
    [Fact]
    public void ImportOnlyTheDevelopmentEnvironmentHas_IsProven_AndCL3003DoesNotGuessIt()
    {
        var venv = TestVenv.Create(Path.Combine(Project.Root, "devenv"))
            .Install("devonly", "1.0", new Dictionary<string, string> { ["devonly/__init__.py"] = "" });
        WriteProject("import devonly\n" + FlaskApp, "flask==2.2.2\n", venv.Python);

        var run = Rehearse(venv.Python, "--select", "CL3");

        Assert.Equal(
            ["project/app.py:1:1: error CL3013 importing 'app' fails in a fresh environment made from requirements.txt (ModuleNotFoundError: No module named 'devonly'): devonly is installed where you test but not declared; add it to requirements.txt"],
            Lines(run));
        var guess = ToolProcess.RunWithEnvironment(Project.Root, ["check", "project", "--python", venv.Python, "--select", "CL3"], Wheelhouse.Environment(Cache));
        Assert.Contains("project/app.py:1:1: error CL3003 'devonly' is imported but devonly is not in requirements.txt", guess.Stdout);
    }

    private void WriteServedApp()
    {
        Project.Write("templates/index.html",
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
        Project.Write("manifest.json", Project.Read("manifest.json").Replace($"\"version\": \"{TestPython.PythonVersion}\"", "\"version\": \"3.9.18\"", StringComparison.Ordinal));

        var run = Rehearse(TestPython.Path, "--select", "CL1015");

        var line = Assert.Single(Lines(run));
        Assert.Matches(@"^project/manifest.json:\d+:\d+: warning CL1015 the rehearsal ran Python 3\.11\.\d+ \(/usr/bin/python3\) but manifest.json records 3\.9\.18: Connect installs and runs this content with a Python 3\.9 ", line);
    }

    [Fact]
    public void ManifestOfAnotherPython_WithTheCheckedInterpreterAlsoOther_IsOneFindingAtThatPlace()
    {
        WriteProject(FlaskApp, "flask==2.2.2\n");
        Project.Write("manifest.json", Project.Read("manifest.json").Replace($"\"version\": \"{TestPython.PythonVersion}\"", "\"version\": \"3.9.18\"", StringComparison.Ordinal));

        var run = Rehearse(TestPython.Path, "--select", "CL1011,CL1015");

        // The rehearsal's environment is made from the checked interpreter: CL1011 says it, with its fix.
        Assert.Contains(" warning CL1011 manifest.json records Python 3.9.18 but /usr/bin/python3 is Python 3.11", Assert.Single(Lines(run)));
    }

    [Fact]
    public void RehearseInConfiguration_TurnsItOn_AndNoCacheLeavesNothingBehind()
    {
        Project.Write("pyproject.toml", "[tool.connect-lint]\nrehearse = \"import\"\n");
        WriteProject(FlaskApp, "flask==2.2.2\n");

        // A temporary directory of this run's own: other tests' rehearsals (run in parallel) use the machine's.
        var environment = Wheelhouse.Environment(Cache);
        var temporary = Path.Combine(Project.Root, "tmp");
        Directory.CreateDirectory(temporary);
        environment["TMPDIR"] = temporary;

        var run = ToolProcess.RunWithEnvironment(Project.Root, ["check", "project", "--python", TestPython.Path, "--no-cache"], environment);

        Assert.True(run.ExitCode == 0, run.Stdout + run.Stderr);
        Assert.Contains("rehearsal with Python 3.11.", run.Stderr);
        Assert.Contains("fresh environment made", run.Stderr);
        Assert.DoesNotContain("requested under", run.Stderr);
        Assert.False(Directory.Exists(Path.Combine(Cache, "rehearsals")));
        Assert.Empty(Directory.GetDirectories(temporary, "connect-lint-rehearsal-*"));
    }
}
