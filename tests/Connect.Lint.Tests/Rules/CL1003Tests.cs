using Xunit;
using static Connect.Lint.Tests.RuleTests.RuleVerifier;

namespace Connect.Lint.Tests.RuleTests;

public sealed class CL1003Tests
{
    [Fact]
    public void Fires_OnAMemberOfTheWrongType()
    {
        var project = TestDeployment.FlaskApp().CurrentManifest(edit: json => json.Replace("\"version\": 1", "\"version\": [|\"1\"|]"));

        Assert.Equal("'version' must be an integer, not a string", Assert.Single(Fires("CL1003", project)).Message);
    }

    [Fact]
    public void Fires_OnAChecksumThatIsNotAnMd5()
    {
        var project = TestDeployment.FlaskApp().Manifest(
            "{\"version\": 1, \"metadata\": {\"appmode\": \"python-api\", \"entrypoint\": \"app:app\"}, \"files\": {\"app.py\": {\"checksum\": [|\"abc\"|]}}}");

        Assert.Contains("must be 32 hexadecimal digits", Assert.Single(Fires("CL1003", project)).Message);
    }

    [Fact]
    public void IsQuiet_ForWhatRsconnectWrites() =>
        IsQuiet("CL1003", TestDeployment.FlaskApp().CurrentManifest());
}
