using Xunit;

namespace Connect.Lint.Tests;

/// <summary>
/// check --rehearse through the real pip and the real interpreter: a fresh environment made from /usr/bin/python3,
/// requirements.txt installed from a local wheelhouse; what pip installs, refuses and keeps.
/// </summary>
public sealed class RehearsalTests : RehearsalTestBase
{
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

        var first = ToolProcess.RunWithEnvironment(Project.Root, check, limited);
        var kept = KeptEnvironments();
        Project.Write("requirements.txt", "flask==2.2.2\nclick==8.1.3\n");
        var second = ToolProcess.RunWithEnvironment(Project.Root, check, limited);

        Assert.Contains("fresh environment made", first.Stderr);
        Assert.Contains("fresh environment made", second.Stderr);
        var now = Assert.Single(KeptEnvironments());
        Assert.DoesNotContain(now, kept);
    }

    [Fact]
    public void PinThatDoesNotExist_InTheIndexTheRequirementsName_IsReportedAtItsLine_WithWhatTheIndexHas()
    {
        // The requirements name where pip looks: Connect's pip looks there too, so the missing pin is Connect's problem.
        WriteProject(FlaskApp, $"--find-links {Wheelhouse.Directory}\nflask==2.2.2\ntinyhelper==9.9\n");

        var run = Rehearse(TestPython.Path, "--select", "CL3012,CL9006");

        Assert.Equal(1, run.ExitCode);
        Assert.Equal(
            ["project/requirements.txt:3:1: error CL3012 'tinyhelper==9.9' does not install into a fresh environment: no version of tinyhelper satisfies it (available: 1.0, 2.0); Connect's deploy stops at the same pip install"],
            Lines(run));
        Assert.Contains("pip install -r requirements.txt failed in a fresh environment", run.Stderr);
        Assert.True(KeptEnvironments().Length == 0, "a failed install is not kept");
    }

    [Fact]
    public void PinMissingFromTheWheelhouseThisMachinesPipUses_IsNotBlamedOnConnect_TheFolderIsNamed()
    {
        WriteProject(FlaskApp, "flask==2.2.2\ntinyhelper==9.9\n");

        var run = Rehearse();

        Assert.Equal(
            [$"project/requirements.txt:2:1: warning CL9006 the deploy rehearsal stopped short: 'tinyhelper==9.9' could not be installed here: tinyhelper is not in the folder {Wheelhouse.Directory}, where this machine's pip configuration points; Connect installs from its own package index"],
            Lines(run));
    }

    [Fact]
    public void NoReachableIndex_IsTheRehearsalStoppingShort_NotARequirementThatDoesNotInstall()
    {
        WriteProject(FlaskApp, "flask==2.2.2\n");
        var environment = Wheelhouse.Environment(Cache);
        environment["PIP_NO_INDEX"] = null;
        environment["PIP_FIND_LINKS"] = null;
        environment["PIP_INDEX_URL"] = "http://127.0.0.1:1/simple"; // nothing listens on port 1
        environment["PIP_RETRIES"] = "1";

        var run = ToolProcess.RunWithEnvironment(Project.Root, ["check", "project", "--python", TestPython.Path, "--rehearse"], environment);

        Assert.Equal(
            ["project/requirements.txt:1:1: warning CL9006 the deploy rehearsal stopped short: 'flask==2.2.2' could not be installed here: pip could not reach http://127.0.0.1:1/simple from this machine (Connection refused), so whether flask installs on Connect is unknown"],
            Lines(run));
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
        Project.Write("setup.py", "from setuptools import setup\nsetup(name='inventory', version='0.1', py_modules=['app'])\n");
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

        var run = ToolProcess.RunWithEnvironment(Project.Root, ["check", "project", "--python", TestPython.Path, "--rehearse", "--install-timeout", "3"], environment);

        var summary = run.Stderr.Split('\n').Single(l => l.Contains("rehearsal with Python", StringComparison.Ordinal));
        Assert.DoesNotContain(" installed (", summary);
        Assert.Contains("requirements.txt not installed: pip install -r requirements.txt did not finish in 3 s (--install-timeout)", summary);
        silent.Stop();
    }

    [Fact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public void InterpreterWithoutVenv_SaysTheRehearsalStoppedShort()
    {
        var launcher = Path.Combine(Project.Root, "python-without-venv");
        File.WriteAllText(launcher, "#!/bin/sh\nif [ \"$1 $2\" = \"-m venv\" ]; then echo 'The virtual environment was not created successfully because ensurepip is not available.' >&2; exit 1; fi\nexec /usr/bin/python3 \"$@\"\n");
        File.SetUnixFileMode(launcher, (UnixFileMode)0b111_101_101);
        WriteProject(FlaskApp, "flask==2.2.2\n");

        var run = Rehearse(launcher, "--select", "CL9006");

        var line = Assert.Single(Lines(run));
        Assert.StartsWith("project/requirements.txt:1:1: warning CL9006 the deploy rehearsal stopped short: ", line);
        Assert.EndsWith("-m venv could not make an environment (The virtual environment was not created successfully because ensurepip is not available.); on Debian and Ubuntu install python3-venv", line);
    }
}
