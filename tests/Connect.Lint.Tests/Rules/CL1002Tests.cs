using Xunit;
using static Connect.Lint.Tests.RuleTests.RuleVerifier;

namespace Connect.Lint.Tests.RuleTests;

public sealed class CL1002Tests
{
    [Fact]
    public void Fires_AtTheFirstByteThatIsNotJson()
    {
        var project = TestDeployment.FlaskApp().Manifest("{\n  \"version\": 1,\n  [|}|]\n");

        var diagnostic = Assert.Single(Fires("CL1002", project));
        Assert.StartsWith("manifest.json is not valid JSON: ", diagnostic.Message);
    }

    [Fact]
    public void Fires_OnAByteOrderMark() =>
        Assert.Contains("byte order mark", Assert.Single(Run("CL1002", TestDeployment.FlaskApp().Manifest("\uFEFF{}"))).Message);

    [Fact]
    public void IsQuiet_ForValidJson() =>
        IsQuiet("CL1002", TestDeployment.FlaskApp().CurrentManifest());
}
