using Xunit;
using static Connect.Lint.Tests.RuleTests.RuleVerifier;

namespace Connect.Lint.Tests.RuleTests;

public sealed class CL2001Tests
{
    [Fact]
    public void Fires_WhenTheEntrypointsModuleIsNotInTheDeployment() =>
        Assert.Equal("module 'server' of entrypoint 'server:app' is not in the deployment: no server.py or server/__init__.py",
            Assert.Single(Fires("CL2001", TestDeployment.FlaskApp().CurrentManifest(edit: json => json.Replace("\"app:app\"", "[|\"server:app\"|]")))).Message);

    [Fact]
    public void IsQuiet_ForAModuleOrAPackage()
    {
        IsQuiet("CL2001", TestDeployment.FlaskApp().CurrentManifest());
        IsQuiet("CL2001", new TestDeployment().File("shop/__init__.py", "\n").File("requirements.txt", "flask\n").CurrentManifest(entrypoint: "shop:app"));
    }
}
