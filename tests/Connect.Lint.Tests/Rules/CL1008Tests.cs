using Xunit;
using static Connect.Lint.Tests.RuleTests.RuleVerifier;

namespace Connect.Lint.Tests.RuleTests;

public sealed class CL1008Tests
{
    [Fact]
    public void Fires_AtTheFilesKey_ForADeployableFileTheManifestLeavesOut()
    {
        var project = TestDeployment.FlaskApp().CurrentManifest(edit: json => json.Replace("\"files\":", "[|\"files\"|]:")).File("helpers.py", "X = 1\n");

        Assert.Equal("'helpers.py' is not listed in the manifest's files: a manifest deployment leaves it out", Assert.Single(Fires("CL1008", project)).Message);
        Assert.Contains("\"helpers.py\"", ApplyFixes("CL1008", project)["manifest.json"]);
    }

    [Fact]
    public void IsQuiet_WhenEveryFileIsListed() =>
        IsQuiet("CL1008", TestDeployment.FlaskApp().CurrentManifest());
}
