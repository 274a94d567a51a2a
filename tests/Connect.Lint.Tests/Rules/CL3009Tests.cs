using Xunit;
using static Connect.Lint.Tests.RuleTests.RuleVerifier;

namespace Connect.Lint.Tests.RuleTests;

public sealed class CL3009Tests
{
    [Fact]
    public void Fires_OnAnIndexUrlWithAPassword() =>
        Assert.StartsWith("--extra-index-url carries credentials in its URL",
            Assert.Single(Fires("CL3009", TestDeployment.FlaskApp(requirements: "--extra-index-url [|https://deploy:s3cretpass@pypi.example.com/simple|]\nflask==3.0.3\n"))).Message);

    [Fact]
    public void IsQuiet_ForEnvironmentVariableReferences() =>
        IsQuiet("CL3009", TestDeployment.FlaskApp(requirements: "--extra-index-url https://${PYPI_USER}:${PYPI_TOKEN}@pypi.example.com/simple\nflask==3.0.3\n"));
}
