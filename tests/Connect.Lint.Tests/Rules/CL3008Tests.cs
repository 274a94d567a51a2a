using Xunit;
using static Connect.Lint.Tests.RuleTests.RuleVerifier;

namespace Connect.Lint.Tests.RuleTests;

public sealed class CL3008Tests
{
    [Fact]
    public void Fires_WhenThePinDiffersFromWhatIsInstalled() =>
        Assert.Equal("flask is pinned to 2.3.3 but 3.0.3 is installed in /usr/bin/python3: Connect will run 2.3.3, which you have not tested",
            Assert.Single(Fires("CL3008", TestDeployment.FlaskApp(requirements: "[|flask==2.3.3|]\n")
                .Python(TestFacts.Imported(packages: TestFacts.Packages(("flask", "Flask", "3.0.3")))))).Message);

    [Fact]
    public void IsQuiet_ForTheSameReleaseWrittenDifferently() =>
        IsQuiet("CL3008", TestDeployment.FlaskApp(requirements: "flask==3.0\n").Python(TestFacts.Imported(packages: TestFacts.Packages(("flask", "Flask", "3.0.0")))));
}
