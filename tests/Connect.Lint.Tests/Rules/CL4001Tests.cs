using Xunit;
using static Connect.Lint.Tests.RuleTests.RuleVerifier;

namespace Connect.Lint.Tests.RuleTests;

public sealed class CL4001Tests
{
    [Fact]
    public void Fires_OnALocalModuleTheAppImportsThatIsNotCommitted()
    {
        var project = TestDeployment.FlaskApp(appPy: "from flask import Flask\nimport helpers\napp = Flask(__name__)\n").File("helpers.py", "X = 1\n")
            .CurrentManifest().Tracked("manifest.json", "app.py", "requirements.txt");

        Assert.Equal("helpers.py is listed in manifest.json but it is not committed (untracked): Connect's checkout of the branch will not have it",
            Assert.Single(Fires("CL4001", project, WholeFile("helpers.py"))).Message);
    }

    [Fact]
    public void IsQuiet_WhenEverythingIsCommitted_OrThereIsNoGit()
    {
        IsQuiet("CL4001", TestDeployment.FlaskApp().CurrentManifest().Tracked("manifest.json", "app.py", "requirements.txt"));
        IsQuiet("CL4001", TestDeployment.FlaskApp().CurrentManifest());
    }
}
