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

    [Fact]
    public void IsQuiet_ForSourcesAndData() =>
        IsQuiet("CL1009", TestDeployment.FlaskApp().File("data/items.csv", "id\n1\n").CurrentManifest());
}
