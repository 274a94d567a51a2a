using Xunit;

namespace Connect.Lint.Tests;

/// <summary>
/// An app configured the Connect way reads its Vars at import (Fixtures/realworld/env-configured): an unset,
/// undeclared one is a Var to set (CL2012), and [tool.connect-lint] vars lets the check import as Connect will.
/// </summary>
public sealed class ConnectVarsTests : IDisposable
{
    private readonly TempProject _project = TempProject.FromFixture("realworld/env-configured");

    public ConnectVarsTests() => Assert.Equal(0, _project.Run("write-manifest", "project", "--python", TestPython.Path).ExitCode);

    public void Dispose() => _project.Dispose();

    private IReadOnlyList<Found> Check()
    {
        var run = _project.Run("check", "project", "--python", TestPython.Path, "--format", "json", "--exit-zero", "--ignore", "CL1008");
        Assert.True(run.ExitCode == 0, run.Stderr);
        return Found.FromJson(run.Stdout);
    }

    private void DeclareVars(string vars) => _project.Write("pyproject.toml", $"[tool.connect-lint]\nvars = {vars}\n");

    [Fact]
    public void AVarTheImportReadsUnset_IsAVarToSet_AtTheLineThatReadsIt_NotAFailedImport()
    {
        var found = Check();

        var unset = Assert.Single(found);
        Assert.Equal(("CL2012", "error", "project/app.py", 9), (unset.Code, unset.Severity, unset.File, unset.Line));
        Assert.Equal("importing 'app' reads the environment variable SECRET_KEY, which is not set here: on Connect, set SECRET_KEY as a Var of the content; add it to [tool.connect-lint] vars so that the check imports with it", unset.Message);
    }

    [Fact]
    public void DeclaredVars_AreSeenByTheImport_TheNextUnsetOneIsNamed_ThenNothingIsLeft()
    {
        DeclareVars("[\"SECRET_KEY\"]");
        var next = Assert.Single(Check());
        Assert.Equal(("CL2012", "project/settings.py", 5), (next.Code, next.File, next.Line));
        Assert.Contains("the environment variable DBUSER,", next.Message);

        DeclareVars("[\"SECRET_KEY\", \"DBUSER\"]");

        // The key from the environment, as CL5002 advises, is no literal: the placeholder is never a finding or a message.
        var found = Check();
        Assert.Empty(found);
    }

    [Fact]
    public void Inspect_ListsTheVariablesTheProjectReads_MarkingTheDeclaredOnes()
    {
        DeclareVars("[\"SECRET_KEY\", \"DBUSER\"]");

        var run = _project.Run("inspect", "project", "--python", TestPython.Path);

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("Variables    DBHOST (unset), DBUSER (declared Var, placeholder here), SECRET_KEY (declared Var, placeholder here)\n", run.Stdout);
        Assert.DoesNotContain("connect-lint-placeholder", run.Stdout + run.Stderr);
    }

    [Theory]
    [InlineData("[\"SECRET KEY\"]", "'SECRET KEY' is not an environment variable name")]
    [InlineData("[\"SECRET_KEY=abc\"]", "'SECRET_KEY=…' is not an environment variable name")]
    public void AVarThatIsNotAName_IsAConfigurationError_AtItsLine(string vars, string expected)
    {
        DeclareVars(vars);

        var run = _project.Run("check", "project", "--no-python");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains($"pyproject.toml:2:1: [tool.connect-lint] vars: {expected}", run.Stderr);
        Assert.DoesNotContain("abc", run.Stderr.Replace(expected, string.Empty, StringComparison.Ordinal));
    }
}
