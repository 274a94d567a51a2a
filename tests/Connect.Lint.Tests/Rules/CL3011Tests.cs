using Connect.Lint.Rules.Model.Requirements;
using Xunit;
using static Connect.Lint.Tests.RuleTests.RuleVerifier;

namespace Connect.Lint.Tests.RuleTests;

public sealed class CL3011Tests
{
    private const string Header = "# requirements.txt generated from pyproject.toml by rsconnect-python on 2026-11-01 09:00:00.000000+00:00";

    private static TestDeployment Project(params string[] dependencies) => Project(false, dependencies);

    /// <param name="marked">The header line marked where the diagnostic is expected.</param>
    private static TestDeployment Project(bool marked, params string[] dependencies) =>
        TestDeployment.FlaskApp(requirements: (marked ? $"[|{Header}|]" : Header) + "\nflask>=2\nrequests")
            .With(d => d with { Pyproject = new PyprojectFacts(dependencies, null), LoadedAtUtc = new DateTime(2026, 11, 25, 12, 0, 0, DateTimeKind.Utc) });

    [Fact]
    public void Fires_WhenPyprojectsDependenciesChangedSinceTheExport() =>
        Assert.Equal("requirements.txt was generated from pyproject.toml, whose [project].dependencies changed since (+pandas, -requests): Connect installs the old list",
            Assert.Single(Fires("CL3011", Project(true, "flask>=2", "pandas"))).Message);

    [Fact]
    public void IsQuiet_WhenTheExportMatches_OrTheFileWasNotGenerated()
    {
        IsQuiet("CL3011", Project("flask>=2", "requests"));
        IsQuiet("CL3011", TestDeployment.FlaskApp(requirements: "flask>=2\n").With(d => d with { Pyproject = new PyprojectFacts(["pandas"], null) }));
    }

    [Fact]
    public void Fix_RegeneratesTheFileAsRsconnectDoes()
    {
        var fixedFiles = ApplyFixes("CL3011", Project("flask>=2", "pandas"));
        Assert.Equal("# requirements.txt generated from pyproject.toml by connect-lint on 2026-11-25 12:00:00.000000+00:00\nflask>=2\npandas", fixedFiles["requirements.txt"]);
    }
}
