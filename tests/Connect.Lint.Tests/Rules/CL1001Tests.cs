using Xunit;
using static Connect.Lint.Tests.RuleTests.RuleVerifier;

namespace Connect.Lint.Tests.RuleTests;

public sealed class CL1001Tests
{
    [Fact]
    public void Fires_WithoutAManifest_AndItsFixWritesTheManifestRsconnectWould()
    {
        var project = TestDeployment.FlaskApp().InterpreterEnvironment(TestFacts.Environment());

        var diagnostic = Assert.Single(Fires("CL1001", project, WholeFile("manifest.json")));
        Assert.NotNull(diagnostic.Fix);
        var written = ApplyFixes("CL1001", project)["manifest.json"];
        var expected = TestDeployment.FlaskApp().CurrentManifest(entrypoint: "app").TextOf("manifest.json");
        Assert.Equal(expected, written);
    }

    [Fact]
    public void SaysWhyThereIsNoFix_WhenTheInterpreterCouldNotBeAsked()
    {
        var project = TestDeployment.FlaskApp().InterpreterEnvironmentUnavailable("no Python interpreter found; pass --python");

        var diagnostic = Assert.Single(Fires("CL1001", project, WholeFile("manifest.json")));
        Assert.Null(diagnostic.Fix);
        Assert.EndsWith("(no fix: no Python interpreter found; pass --python)", diagnostic.Message);
    }

    [Fact]
    public void SaysWhyThereIsNoFix_WhenThereIsNoRequirementsFile()
    {
        var project = new TestDeployment().File("app.py", "from flask import Flask\napp = Flask(__name__)\n").InterpreterEnvironment(TestFacts.Environment());

        var diagnostic = Assert.Single(Run("CL1001", project));
        Assert.Contains("(no fix: requirements.txt not found", diagnostic.Message);
    }

    [Fact]
    public void TheFixNamesThePackageFactory_NeverSetupPy()
    {
        var project = new TestDeployment()
            .File("setup.py", "from setuptools import setup\nsetup(name='myapp')\n")
            .File("myapp/__init__.py", "from flask import Flask\n\ndef create_app():\n    return Flask(__name__)\n")
            .File("requirements.txt", "flask\n")
            .InterpreterEnvironment(TestFacts.Environment());

        Assert.Contains("\"entrypoint\": \"myapp\"", ApplyFixes("CL1001", project)["manifest.json"]);
    }

    [Fact]
    public void SaysWhichCandidatesWereTurnedDown_WhenNoneIsTheApp()
    {
        var project = new TestDeployment()
            .File("setup.py", "from setuptools import setup\n").File("conftest.py", "\n").File("test_app.py", "\n")
            .File("requirements.txt", "flask\n")
            .InterpreterEnvironment(TestFacts.Environment());

        Assert.Contains("cannot tell which module is the app (not apps: conftest (pytest's configuration), setup (setup.py is a packaging script: importing it runs setuptools), test_app (a test module)); pass --entrypoint module:app",
            Assert.Single(Run("CL1001", project)).Message);
    }

    [Fact]
    public void IsQuiet_WithAManifest() =>
        IsQuiet("CL1001", TestDeployment.FlaskApp().CurrentManifest());
}
