using Xunit;
using static Connect.Lint.Tests.RuleTests.RuleVerifier;

namespace Connect.Lint.Tests.RuleTests;

public sealed class CL9006Tests
{
    [Fact]
    public void Fires_OnTheRequirementsFile_WithTheReason()
    {
        var project = TestDeployment.FlaskApp().CurrentManifest().Python(TestFacts.Imported())
            .Rehearsal(TestFacts.Rehearsed() with { Import = null, Incomplete = "pip install -r requirements.txt did not finish in 900 s (--install-timeout)" });

        Assert.Equal("the deploy rehearsal stopped short: pip install -r requirements.txt did not finish in 900 s (--install-timeout)",
            Assert.Single(Fires("CL9006", project, WholeFile("requirements.txt"))).Message);
    }

    [Fact]
    public void IsQuiet_WhenTheRehearsalRanThrough() =>
        IsQuiet("CL9006", TestDeployment.FlaskApp().CurrentManifest().Python(TestFacts.Imported()).Rehearsal(TestFacts.Rehearsed()));
}
