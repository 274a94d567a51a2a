using Xunit;
using static Connect.Lint.Tests.RuleTests.RuleVerifier;

namespace Connect.Lint.Tests.RuleTests;

public sealed class CL3002Tests
{
    [Fact]
    public void Fires_OnALinePipCannotParse() =>
        Fires("CL3002", TestDeployment.FlaskApp(requirements: "flask==3.0.3\n[|flask ===|]\n"));

    [Fact]
    public void IsQuiet_ForPinsRangesMarkersAndOptions() =>
        IsQuiet("CL3002", TestDeployment.FlaskApp(requirements: "--index-url https://pypi.org/simple\nflask==3.0.3\nrequests>=2.31,<3 ; python_version >= \"3.8\"\n# a comment\n"));
}
