using Xunit;
using static Connect.Lint.Tests.RuleTests.RuleVerifier;

namespace Connect.Lint.Tests.RuleTests;

public sealed class CL9001Tests
{
    [Fact]
    public void Fires_WithTheReasonPythonCouldNotRun() =>
        Assert.Equal("Python-aware checks skipped: no Python interpreter found",
            Assert.Single(Fires("CL9001", TestDeployment.FlaskApp().CurrentManifest().PythonUnavailable("no Python interpreter found"),
                WholeFile("manifest.json"))).Message);

    [Fact]
    public void IsQuiet_WhenPythonAnswered() =>
        IsQuiet("CL9001", TestDeployment.FlaskApp().CurrentManifest().Python(TestFacts.Imported()));
}
