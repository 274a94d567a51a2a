using Xunit;
using static Connect.Lint.Tests.RuleTests.RuleVerifier;

namespace Connect.Lint.Tests.RuleTests;

public sealed class CL4002Tests
{
    [Fact]
    public void Fires_OnACommittedEnvFile() =>
        Assert.StartsWith(".env is an environment file with secrets and is committed",
            Assert.Single(Fires("CL4002", TestDeployment.FlaskApp().File(".env", "SECRET_KEY=abc\n").Tracked("app.py", ".env"), WholeFile(".env"))).Message);

    [Fact]
    public void Fires_OnAListedFileHoldingAPrivateKey_AtItsLine() =>
        Fires("CL4002", TestDeployment.FlaskApp().File("deploy/notes.md", "# notes\n-----BEGIN OPENSSH PRIVATE KEY-----\nb3Blbn\n-----END OPENSSH PRIVATE KEY-----\n").CurrentManifest(),
            Line("deploy/notes.md", 2));

    [Fact]
    public void IsQuiet_ForAnUncommittedEnvFile_AndTheExampleTemplate() =>
        IsQuiet("CL4002", TestDeployment.FlaskApp().File(".env", "SECRET_KEY=abc\n").File(".env.example", "SECRET_KEY=\n").Tracked("app.py", ".env.example"));
}
