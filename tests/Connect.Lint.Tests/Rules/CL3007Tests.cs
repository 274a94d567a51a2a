using Xunit;
using static Connect.Lint.Tests.RuleTests.RuleVerifier;

namespace Connect.Lint.Tests.RuleTests;

public sealed class CL3007Tests
{
    [Fact]
    public void Fires_OnEachRequirementWithoutAnExactPin() =>
        Fires("CL3007", TestDeployment.FlaskApp(requirements: "[|flask|]\n[|requests>=2.31|]\ngunicorn==22.0.0\n"));

    [Fact]
    public void IsQuiet_ForPinsUrlsAndSuppressedLines() =>
        IsQuiet("CL3007", TestDeployment.FlaskApp(requirements: "flask==3.0.3\nmylib @ git+https://github.com/me/mylib@v1\nrequests  # noqa: CL3007\n"));
}
