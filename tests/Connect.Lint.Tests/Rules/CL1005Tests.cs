using Xunit;
using static Connect.Lint.Tests.RuleTests.RuleVerifier;

namespace Connect.Lint.Tests.RuleTests;

public sealed class CL1005Tests
{
    [Fact]
    public void Fires_OnAnEntrypointThatIsNotModuleColonObject()
    {
        var project = TestDeployment.FlaskApp().CurrentManifest(edit: json => json.Replace("\"app:app\"", "[|\"app.py\"|]"));

        Assert.StartsWith("invalid entrypoint: ", Assert.Single(Fires("CL1005", project)).Message);
    }

    [Fact]
    public void IsQuiet_ForModuleAndModuleColonObject()
    {
        IsQuiet("CL1005", TestDeployment.FlaskApp().CurrentManifest(entrypoint: "app"));
        IsQuiet("CL1005", TestDeployment.FlaskApp().CurrentManifest(entrypoint: "app:app"));
    }
}
