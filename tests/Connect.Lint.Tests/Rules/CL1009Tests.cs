using Xunit;
using static Connect.Lint.Tests.RuleTests.RuleVerifier;

namespace Connect.Lint.Tests.RuleTests;

public sealed class CL1009Tests
{
    [Fact]
    public void Fires_OnListedBytecode()
    {
        var project = TestDeployment.FlaskApp().File("__pycache__/app.cpython-311.pyc", "bytecode")
            .CurrentManifest(edit: json => json.Replace("\"__pycache__/app.cpython-311.pyc\":", "[|\"__pycache__/app.cpython-311.pyc\"|]:"));

        Assert.Contains("should not be deployed", Assert.Single(Fires("CL1009", project)).Message);
    }

    [Theory]
    [InlineData(".DS_Store")]
    [InlineData("static/Thumbs.db")]
    [InlineData(".idea/workspace.xml")]
    [InlineData(".vscode/settings.json")]
    [InlineData("app.py~")]
    [InlineData(".app.py.swp")]
    [InlineData(".pytest_cache/v/cache/lastfailed")]
    public void Fires_OnClutterAndEditorFilesAnOldManifestLists_AsOnJunkAboutToBeWritten(string junk)
    {
        var project = TestDeployment.FlaskApp().CurrentManifest(edit: json => json.Replace(
            "\"files\": {\n", $"\"files\": {{\n    [|\"{junk}\"|]: {{\"checksum\": \"00000000000000000000000000000000\"}},\n"));

        Assert.Contains("should not be deployed", Assert.Single(Fires("CL1009", project)).Message);
        Assert.DoesNotContain(junk, ApplyFixes("CL1009", project)["manifest.json"]);
    }

    [Fact]
    public void IsQuiet_ForSourcesAndData() =>
        IsQuiet("CL1009", TestDeployment.FlaskApp().File("data/items.csv", "id\n1\n").CurrentManifest());
}
