using Xunit;
using static Connect.Lint.Tests.RuleTests.RuleVerifier;

namespace Connect.Lint.Tests.RuleTests;

public sealed class CL3005Tests
{
    [Fact]
    public void Fires_OnALocalVersionLabel() =>
        Assert.StartsWith("torch==2.3.0+cu121 has a local version label ('+cu121')",
            Assert.Single(Fires("CL3005", TestDeployment.FlaskApp(requirements: "flask==3.0.3\n[|torch==2.3.0+cu121|]\n"))).Message);

    [Fact]
    public void IsQuiet_ForPublicVersions() =>
        IsQuiet("CL3005", TestDeployment.FlaskApp(requirements: "flask==3.0.3\ntorch==2.3.0\n"));
}
