using Xunit;
using static Connect.Lint.Tests.RuleTests.RuleVerifier;

namespace Connect.Lint.Tests.RuleTests;

public sealed class CL3006Tests
{
    [Fact]
    public void Fires_OnAWindowsOnlyPackage_AndTheFixAddsTheMarker()
    {
        var project = TestDeployment.FlaskApp(requirements: "flask==3.0.3\n[|pywin32==306|]\n");

        Assert.StartsWith("pywin32 installs only on Windows", Assert.Single(Fires("CL3006", project)).Message);
        Assert.Equal("flask==3.0.3\npywin32==306 ; sys_platform == \"win32\"\n", ApplyFixes("CL3006", project)["requirements.txt"]);
    }

    [Fact]
    public void IsQuiet_WhenAMarkerLimitsIt() =>
        IsQuiet("CL3006", TestDeployment.FlaskApp(requirements: "flask==3.0.3\npywin32==306 ; sys_platform == \"win32\"\n"));
}
