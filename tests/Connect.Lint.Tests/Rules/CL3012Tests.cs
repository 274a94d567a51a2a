using Connect.Lint.Rules.Model.Rehearsal;
using Xunit;
using static Connect.Lint.Tests.RuleTests.RuleVerifier;

namespace Connect.Lint.Tests.RuleTests;

public sealed class CL3012Tests
{
    private static TestDeployment Failed(string requirements, params InstallProblem[] problems) =>
        TestDeployment.FlaskApp(requirements: requirements).CurrentManifest().Python(TestFacts.Imported())
            .Rehearsal(TestFacts.Rehearsed() with { Import = null, InstallProblems = problems });

    [Fact]
    public void Fires_AtTheRequirementPipNamed_ByItsName()
    {
        var project = Failed("flask==2.2.2\n[|tinyhelper==9.9|]\n",
            new InstallProblem(InstallProblemKind.NotAvailable, "tinyhelper", null, null, "no version of tinyhelper satisfies it (available: 1.0, 2.0)"));

        Assert.Equal("'tinyhelper==9.9' does not install into a fresh environment: no version of tinyhelper satisfies it (available: 1.0, 2.0); Connect's deploy stops at the same pip install",
            Assert.Single(Fires("CL3012", project)).Message);
    }

    [Fact]
    public void Fires_AtTheLinePipNamed_WhenItGaveNoName() =>
        Fires("CL3012", Failed("flask==2.2.2\n[|needs-old-helper==1.0|]\n",
            new InstallProblem(InstallProblemKind.Conflict, null, "requirements.txt", 2, "the resolver found conflicting requirements")));

    [Fact]
    public void Fires_OnTheFile_WhenPipNamedNothingItLists() =>
        Fires("CL3012", Failed("flask==2.2.2\n", new InstallProblem(InstallProblemKind.Other, null, null, null, "pip says THESE PACKAGES DO NOT MATCH THE HASHES")),
            WholeFile("requirements.txt"));

    [Fact]
    public void IsQuiet_WhenEverythingInstalled() =>
        IsQuiet("CL3012", TestDeployment.FlaskApp().CurrentManifest().Python(TestFacts.Imported()).Rehearsal(TestFacts.Rehearsed()));

    [Fact]
    public void IsQuiet_WithoutTheRehearsal() =>
        IsQuiet("CL3012", TestDeployment.FlaskApp().CurrentManifest().Python(TestFacts.Imported()));
}
