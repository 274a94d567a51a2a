using Connect.Lint.Rules.Model.Python;
using Connect.Lint.Rules.Model.Requirements;
using Xunit;
using static Connect.Lint.Tests.RuleTests.RuleVerifier;

namespace Connect.Lint.Tests.RuleTests;

public sealed class CL3010Tests
{
    private static PythonFacts Installed(params (string Name, string Version, DependencySpec[] Requires)[] distributions) =>
        TestFacts.Imported(packages: TestFacts.Packages(distributions.Select(d => (d.Name, d.Name, d.Version)).ToArray()) with
        {
            Requires = distributions.ToDictionary(d => d.Name, d => (IReadOnlyList<DependencySpec>)d.Requires),
        });

    [Fact]
    public void Fires_AtAPinThatAnotherPinnedDistributionsMetadataExcludes() =>
        Assert.Equal("tablecore==2.0 conflicts with reportkit==1.4, which requires tablecore>=1,<2: pip cannot install both, so the deploy fails",
            Assert.Single(Fires("CL3010", TestDeployment.FlaskApp(requirements: "reportkit==1.4\n[|tablecore==2.0|]\n")
                .Python(Installed(("reportkit", "1.4", [new("tablecore", ">=1,<2")]), ("tablecore", "2.0", []))))).Message);

    [Fact]
    public void Fires_OnAKnownBreakThatTheMetadataAllows() =>
        Assert.Equal("werkzeug==3.0.1 does not work with flask==2.2.2: Flask before 2.3 imports werkzeug.urls.url_quote, which Werkzeug 3.0 removed: the import fails (pallets/werkzeug#2789); pin werkzeug<3.0 or upgrade flask",
            Assert.Single(Fires("CL3010", TestDeployment.FlaskApp(requirements: "flask==2.2.2\n[|werkzeug==3.0.1|]\n"))).Message);

    [Fact]
    public void IsQuiet_ForPinsThatFit()
    {
        IsQuiet("CL3010", TestDeployment.FlaskApp(requirements: "flask==2.2.2\nwerkzeug<3\n"));
        IsQuiet("CL3010", TestDeployment.FlaskApp(requirements: "flask==3.0.3\n"));
        IsQuiet("CL3010", TestDeployment.FlaskApp(requirements: "reportkit==1.4\ntablecore==1.9\n")
            .Python(Installed(("reportkit", "1.4", [new("tablecore", ">=1,<2")]), ("tablecore", "1.9", []))));
    }

    [Theory]
    [InlineData("2.2.2", "<2.3", true)]
    [InlineData("2.3.0", "<2.3", false)]
    [InlineData("3.0.1", ">=3.0", true)]
    [InlineData("3.0.0rc1", ">=3.0", false)]
    [InlineData("1.0.post1", ">1.0", true)]
    [InlineData("1.0.dev1", "<1.0a1", true)]
    [InlineData("2.2.5", "~=2.2.1", true)]
    [InlineData("2.3.0", "~=2.2.1", false)]
    [InlineData("1.4.2", "==1.4.*", true)]
    [InlineData("1!0.5", ">=2.0", true)]
    [InlineData("2.0", ">=1,<2", false)]
    public void Pep440_ComparesAsPipDoes(string version, string specifier, bool expected) =>
        Assert.Equal(expected, Pep440.Satisfies(version, specifier));
}
