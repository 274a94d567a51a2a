using Xunit;
using static Connect.Lint.Tests.RuleTests.RuleVerifier;

namespace Connect.Lint.Tests.RuleTests;

public sealed class CL4004Tests
{
    [Fact]
    public void Fires_OncePerCommittedBytecodeDirectory() =>
        Assert.StartsWith("2 files are committed under __pycache__/",
            Assert.Single(Fires("CL4004", TestDeployment.FlaskApp().Tracked("app.py", "__pycache__/app.cpython-311.pyc", "__pycache__/x.cpython-311.pyc"),
                WholeFile("__pycache__/app.cpython-311.pyc"))).Message);

    [Fact]
    public void IsQuiet_WhenOnlySourcesAreCommitted() =>
        IsQuiet("CL4004", TestDeployment.FlaskApp().Tracked("app.py", "requirements.txt"));
}
