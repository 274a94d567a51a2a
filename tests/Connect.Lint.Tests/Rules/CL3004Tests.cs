using Xunit;
using static Connect.Lint.Tests.RuleTests.RuleVerifier;

namespace Connect.Lint.Tests.RuleTests;

public sealed class CL3004Tests
{
    [Fact]
    public void Fires_OnACondaFilePath_AndTheFixUsesTheIndexWithTheInstalledVersion()
    {
        var project = TestDeployment.FlaskApp(requirements: "[|flask @ file:///home/conda/feedstock_root/build_artifacts/flask_1700000000000/work|]\n")
            .Python(TestFacts.Imported(packages: TestFacts.Packages(("flask", "Flask", "3.0.3"))));

        Assert.Contains("a file on this machine (a conda build path?)", Assert.Single(Fires("CL3004", project)).Message);
        Assert.Equal("flask==3.0.3\n", ApplyFixes("CL3004", project)["requirements.txt"]);
    }

    [Fact]
    public void IsQuiet_ForIndexAndVcsRequirements() =>
        IsQuiet("CL3004", TestDeployment.FlaskApp(requirements: "flask==3.0.3\nmylib @ git+https://github.com/me/mylib@v1\n"));
}
