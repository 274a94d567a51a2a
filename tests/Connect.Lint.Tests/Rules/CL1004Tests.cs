using Xunit;
using static Connect.Lint.Tests.RuleTests.RuleVerifier;

namespace Connect.Lint.Tests.RuleTests;

public sealed class CL1004Tests
{
    [Fact]
    public void Fires_OnAnotherAppmodeForAFlaskApp_AndTheFixSetsPythonApi()
    {
        var project = TestDeployment.FlaskApp().CurrentManifest(edit: json => json.Replace("\"python-api\"", "[|\"python-shiny\"|]"));

        Assert.Contains("this is a Flask app", Assert.Single(Fires("CL1004", project)).Message);
        Assert.Contains("\"appmode\": \"python-api\"", ApplyFixes("CL1004", project)["manifest.json"]);
    }

    [Fact]
    public void Fires_OnAnAppmodeConnectDoesNotKnow_WithoutAFixWhenTheCodeIsNotFlask()
    {
        var project = new TestDeployment().File("main.py", "print('hi')\n").File("requirements.txt", "\n")
            .CurrentManifest(edit: json => json.Replace("\"python-api\"", "[|\"python-flask\"|]"));

        var diagnostic = Assert.Single(Fires("CL1004", project));
        Assert.Null(diagnostic.Fix);
    }

    [Fact]
    public void IsQuiet_ForAnotherKnownModeWhenTheCodeIsNotFlask() =>
        IsQuiet("CL1004", new TestDeployment().File("main.py", "import streamlit\n").File("requirements.txt", "\n")
            .CurrentManifest(edit: json => json.Replace("\"python-api\"", "\"python-streamlit\"")));

    [Fact]
    public void IsQuiet_ForPythonApi() =>
        IsQuiet("CL1004", TestDeployment.FlaskApp().CurrentManifest());
}
