using Xunit;
using static Connect.Lint.Tests.RuleTests.RuleVerifier;

namespace Connect.Lint.Tests.RuleTests;

public sealed class CL1015Tests
{
    [Fact]
    public void Fires_OnTheManifestsVersion_WhenTheRehearsalRanAnotherMinor()
    {
        // As with --select CL1015: the rehearsal alone, no import by the checked interpreter.
        var project = TestDeployment.FlaskApp().CurrentManifest(edit: json => json.Replace("\"version\": \"3.11.2\"", "\"version\": [|\"3.9.18\"|]"))
            .Rehearsal(TestFacts.Rehearsed());

        Assert.StartsWith("the rehearsal ran Python 3.11.2 (/usr/bin/python3) but manifest.json records 3.9.18: Connect installs and runs this content with a Python 3.9 ",
            Assert.Single(Fires("CL1015", project)).Message);
    }

    [Fact]
    public void IsQuiet_WhenTheCheckedInterpreterDiffersToo_ForCL1011SaysItAtThatPlace()
    {
        var project = TestDeployment.FlaskApp().CurrentManifest(edit: json => json.Replace("\"version\": \"3.11.2\"", "\"version\": \"3.9.18\""))
            .Python(TestFacts.Imported())
            .Rehearsal(TestFacts.Rehearsed());

        IsQuiet("CL1015", project);
        Assert.Single(Run("CL1011", project));
    }

    [Fact]
    public void IsQuiet_WhenOnlyThePatchDiffers() =>
        IsQuiet("CL1015", TestDeployment.FlaskApp().CurrentManifest().Python(TestFacts.Imported())
            .Rehearsal(TestFacts.Rehearsed(python: "3.11.9")));
}
