using Connect.Lint.Rules.Model.Python;
using Xunit;
using static Connect.Lint.Tests.RuleTests.RuleVerifier;

namespace Connect.Lint.Tests.RuleTests;

public sealed class CL2007Tests
{
    [Fact]
    public void Fires_OnSysExitAtImport()
    {
        var import = new ImportFacts { Module = "app", Outcome = ImportOutcome.Exit, ExitCode = 3, Where = new CodeLocation("app.py", 2) };
        var project = TestDeployment.FlaskApp().CurrentManifest().Python(TestFacts.Imported(import));

        Assert.Equal("importing 'app' calls sys.exit(3): Connect's server process stops", Assert.Single(Fires("CL2007", project, Line("app.py", 2))).Message);
    }

    [Fact]
    public void Fires_WhenTheInterpreterWasKilled()
    {
        var facts = TestFacts.Imported() with { Import = null, HardExitCode = -11 };
        var diagnostic = Assert.Single(Run("CL2007", TestDeployment.FlaskApp().CurrentManifest().Python(facts)));
        Assert.Contains("killed by signal 11 (SIGSEGV)", diagnostic.Message);
    }

    [Fact]
    public void IsQuiet_WhenTheImportReturned() =>
        IsQuiet("CL2007", TestDeployment.FlaskApp().CurrentManifest().Python(TestFacts.Imported()));
}
