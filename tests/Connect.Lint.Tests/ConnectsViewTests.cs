using Xunit;

namespace Connect.Lint.Tests;

/// <summary>
/// The check answers for the environment Connect builds, not for the one it runs in: what pip resolves from the
/// requirements (here from the local wheelhouse, or from an index that cannot be reached), run as a process so that
/// pip's configuration is the test's own.
/// </summary>
public sealed class ConnectsViewTests : IDisposable
{
    private readonly TempProject _project = TempProject.FromFixture("realworld/declared-not-installed");

    public void Dispose() => _project.Dispose();

    private TestVenv? _venv;

    private string Cache => Path.Combine(_project.Root, "cache");

    /// <summary>The check with an environment that lacks Flask (and pip), so Flask's own dependencies are unseen.</summary>
    private IReadOnlyList<Found> CheckWithoutFlaskInstalled(Dictionary<string, string?> pip)
    {
        _venv ??= TestVenv.CreateBare(Path.Combine(_project.Root, "venv"));
        Assert.Equal(0, _project.Run("write-manifest", "project", "--python", _venv.Python, "--overwrite").ExitCode);
        var run = ToolProcess.RunWithEnvironment(_project.Root, ["check", "project", "--python", _venv.Python, "--format", "json", "--exit-zero"], pip);
        Assert.True(run.ExitCode == 0, run.Stderr);
        return Found.FromJson(run.Stdout);
    }

    private Dictionary<string, string?> UnreachableIndex()
    {
        var environment = Wheelhouse.Environment(Cache);
        environment["PIP_NO_INDEX"] = null;
        environment["PIP_FIND_LINKS"] = null;
        environment["PIP_INDEX_URL"] = "http://127.0.0.1:1/simple"; // nothing listens on port 1: refused at once
        return environment;
    }

    [Fact]
    public void AnImportADeclaredDistributionBrings_IsANote_WhenPipResolvesIt_ThoughItIsNotInstalledHere()
    {
        var found = CheckWithoutFlaskInstalled(Wheelhouse.Environment(Cache));

        var werkzeug = Assert.Single(found, f => f.Code == "CL3003");
        Assert.Equal(("note", "project/app.py", 2), (werkzeug.Severity, werkzeug.File, werkzeug.Line));
        Assert.StartsWith("'werkzeug' is imported but werkzeug is declared only through flask (pip's resolution of the requirements)", werkzeug.Message);
        Assert.DoesNotContain(found, f => f.Severity == "error");
    }

    [Fact]
    public void AnImportNothingDeclaredBrings_IsStillAnError_ThePipResolutionProvesIt()
    {
        _project.Write("app.py", _project.Read("app.py") + "\nimport tinyhelper\n");

        var found = CheckWithoutFlaskInstalled(Wheelhouse.Environment(Cache));

        var missing = Assert.Single(found, f => f.Code == "CL3003" && f.Severity == "error");
        Assert.Equal("'tinyhelper' is imported but tinyhelper is not in requirements.txt: Connect will not install it", missing.Message);
        Assert.Contains(found, f => f.Code == "CL3003" && f.Severity == "note" && f.Message.StartsWith("'werkzeug'", StringComparison.Ordinal));
    }

    [Fact]
    public void WithNoReachableIndex_TheClaimIsAWarning_NamingTheIndex()
    {
        var found = CheckWithoutFlaskInstalled(UnreachableIndex());

        var werkzeug = Assert.Single(found, f => f.Code == "CL3003");
        Assert.Equal("warning", werkzeug.Severity);
        Assert.Equal(
            "'werkzeug' is imported but werkzeug is not in requirements.txt; whether Connect installs it is unknown: flask is not installed here " +
            "(so what it brings is unseen) and pip could not resolve requirements.txt (pip could not reach http://127.0.0.1:1/simple from this machine (Connection refused))",
            werkzeug.Message);

        // Said once: a check moments later (the next save) believes it without waiting for pip again.
        Assert.EndsWith("(Connection refused)) (0 min ago; --no-cache asks pip again)", Assert.Single(CheckWithoutFlaskInstalled(UnreachableIndex()), f => f.Code == "CL3003").Message);
    }

    [Fact]
    public void ASourceDistribution_IsNeverBuiltByAPlainCheck_TheResolutionIsThenUnknown()
    {
        // brokenpkg 1.0 exists in the wheelhouse only as an sdist whose setup.py exits (the rehearsal tests build it).
        _project.Write("requirements.txt", "Flask==2.2.2\nbrokenpkg==1.0\n");

        var found = CheckWithoutFlaskInstalled(Wheelhouse.Environment(Cache));

        var werkzeug = Assert.Single(found, f => f.Code == "CL3003");
        Assert.Equal("warning", werkzeug.Severity);
        Assert.EndsWith("wheels only here: one published only as a source distribution is resolved by check --rehearse)", werkzeug.Message);
        Assert.DoesNotContain("libfoo", werkzeug.Message); // its setup.py never ran
    }

    [Fact]
    public void TheResolution_IsKeptByTheRequirementsAndPipsConfiguration_AndAskedAgainWhenTheyChange()
    {
        var pip = Wheelhouse.Environment(Cache);
        pip["CONNECT_LINT_TRACE"] = "1";
        var venv = TestVenv.CreateBare(Path.Combine(_project.Root, "venv"));
        Assert.Equal(0, _project.Run("write-manifest", "project", "--python", venv.Python).ExitCode);
        string Resolution() => ToolProcess.RunWithEnvironment(_project.Root, ["check", "project", "--python", venv.Python], pip)
            .Stderr.Split('\n').Single(l => l.Contains("closure: ", StringComparison.Ordinal));

        Assert.EndsWith("closure: resolved by pip", Resolution());
        Assert.EndsWith("closure: kept from an earlier resolution", Resolution());
        _project.Write("requirements.txt", "Flask==2.2.2\nclick==8.1.3\n");
        Assert.EndsWith("closure: resolved by pip", Resolution());
        pip["PIP_FIND_LINKS"] = Wheelhouse.Directory + "/"; // another configuration of pip's
        Assert.EndsWith("closure: resolved by pip", Resolution());
        Assert.Equal(3, Directory.GetFiles(Path.Combine(Cache, "closures")).Length);
    }
}
