using Xunit;
using static Connect.Lint.Tests.RuleTests.RuleVerifier;

namespace Connect.Lint.Tests.RuleTests;

public sealed class CL1011Tests
{
    private static TestDeployment Recording(string version) =>
        TestDeployment.FlaskApp().CurrentManifest(edit: json => json.Replace("\"version\": \"3.11.2\"", $"\"version\": [|\"{version}\"|]"));

    [Fact]
    public void Fires_WhenTheInterpretersMinorVersionDiffers_AndTheFixRecordsIt()
    {
        var project = Recording("3.9.7").Python(TestFacts.Imported(python: "3.11.2"));

        Assert.StartsWith("manifest.json records Python 3.9.7 but /usr/bin/python3 is Python 3.11.2", Assert.Single(Fires("CL1011", project)).Message);
        Assert.Contains("\"version\": \"3.11.2\"", ApplyFixes("CL1011", project)["manifest.json"]);
    }

    [Fact]
    public void Fires_WhenTheServerDoesNotOfferTheRecordedVersion()
    {
        var project = Recording("3.11.2").With(d => d with { ServerPythonVersions = ["3.10", "3.12"] });

        Assert.Contains("the server offers 3.10, 3.12", Assert.Single(Fires("CL1011", project)).Message);
    }

    [Fact]
    public void IsOneFindingAtThePlace_WhenTheServerAndTheInterpreterBothDisagree_TheFixOnlyWhenTheServerOffersTheInterpreters()
    {
        var offered = Recording("3.9.7").Python(TestFacts.Imported(python: "3.11.2")).With(d => d with { ServerPythonVersions = ["3.11", "3.12"] });
        var neither = Recording("3.9.7").Python(TestFacts.Imported(python: "3.11.2")).With(d => d with { ServerPythonVersions = ["3.12"] });

        var both = Assert.Single(Fires("CL1011", offered));
        Assert.StartsWith("manifest.json records Python 3.9.7 but /usr/bin/python3 is Python 3.11.2", both.Message);
        Assert.EndsWith("; and the server offers 3.11, 3.12 (server-python-versions): Connect finds no 3.9", both.Message);
        Assert.Contains("\"version\": \"3.11.2\"", ApplyFixes("CL1011", offered)["manifest.json"]);
        Assert.Null(Assert.Single(Fires("CL1011", neither)).Fix);
    }

    [Fact]
    public void IsQuiet_WhenOnlyThePatchDiffers() =>
        IsQuiet("CL1011", TestDeployment.FlaskApp().CurrentManifest().Python(TestFacts.Imported(python: "3.11.7")));
}
