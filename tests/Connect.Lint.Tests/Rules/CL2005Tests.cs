using Connect.Lint.Rules.Model.Python;
using Xunit;
using static Connect.Lint.Tests.RuleTests.RuleVerifier;

namespace Connect.Lint.Tests.RuleTests;

public sealed class CL2005Tests
{
    [Fact]
    public void Fires_WhereTheImportWasStuck()
    {
        var facts = TestFacts.Imported() with { Import = null, TimedOut = true, TimeoutSeconds = 20, StuckAt = new CodeLocation("app.py", 2) };
        var project = TestDeployment.FlaskApp().CurrentManifest().Python(facts);

        Assert.Equal("importing 'app:app' did not finish within 20 s and was stopped: Connect would fail to start it", Assert.Single(Fires("CL2005", project, Line("app.py", 2))).Message);
    }

    [Fact]
    public void IsQuiet_WhenTheImportFinished() =>
        IsQuiet("CL2005", TestDeployment.FlaskApp().CurrentManifest().Python(TestFacts.Imported()));
}
