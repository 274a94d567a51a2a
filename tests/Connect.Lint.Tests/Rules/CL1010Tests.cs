using Xunit;
using static Connect.Lint.Tests.RuleTests.RuleVerifier;

namespace Connect.Lint.Tests.RuleTests;

public sealed class CL1010Tests
{
    [Fact]
    public void Fires_OnAPathThatClimbsOut()
    {
        var project = TestDeployment.FlaskApp().CurrentManifest(edit: json => json.Replace(
            "\"files\": {\n", "\"files\": {\n    [|\"../secrets.txt\"|]: {\"checksum\": \"00000000000000000000000000000000\"},\n"));

        Assert.StartsWith("'../secrets.txt' cannot be deployed: ", Assert.Single(Fires("CL1010", project)).Message);
    }

    [Fact]
    public void IsQuiet_ForRelativePathsInside() =>
        IsQuiet("CL1010", TestDeployment.FlaskApp().File("pkg/views.py", "\n").CurrentManifest());
}
