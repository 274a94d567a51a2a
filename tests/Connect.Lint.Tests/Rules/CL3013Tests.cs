using Connect.Lint.Rules.Model.Python;
using Xunit;
using static Connect.Lint.Tests.RuleTests.RuleVerifier;

namespace Connect.Lint.Tests.RuleTests;

public sealed class CL3013Tests
{
    private const string App = "[|import devonly|]\nfrom flask import Flask\n\napp = Flask(__name__)\n";

    private static readonly StaticFileFacts[] AppImports =
        [new StaticFileFacts("app.py", [new StaticImport("devonly", 0, 1, 1, 1, 15, null), new StaticImport("flask", 0, 2, 1, 2, 24, ["Flask"])], [], [], [], null)];

    private static PythonFacts FailedInTheFreshEnvironment() => TestFacts.Imported(new ImportFacts
    {
        Module = "app",
        Object = "app",
        Outcome = ImportOutcome.Error,
        Error = new ImportFailure("ModuleNotFoundError", "No module named 'devonly'", "devonly"),
        Where = new CodeLocation("app.py", 1),
    });

    private static TestDeployment Project() =>
        TestDeployment.FlaskApp(App, "flask==2.2.2\n").CurrentManifest()
            .Python(TestFacts.Imported(packages: TestFacts.Packages(("devonly", "devonly", "1.0"), ("flask", "Flask", "2.2.2")), files: AppImports))
            .Rehearsal(TestFacts.Rehearsed(FailedInTheFreshEnvironment()));

    [Fact]
    public void Fires_AtTheImport_NamingTheDistributionYourEnvironmentHas() =>
        Assert.Equal(
            "importing 'app' fails in a fresh environment made from requirements.txt (ModuleNotFoundError: No module named 'devonly'): devonly is installed where you test but not declared; add it to requirements.txt",
            Assert.Single(Fires("CL3013", Project())).Message);

    [Fact]
    public void SupersedesCL3003_ForTheModuleItProved() =>
        IsQuiet("CL3003", Project());

    [Fact]
    public void IsQuiet_WhenTheImportFailsTheSameWayWhereYouTest()
    {
        var project = TestDeployment.FlaskApp(App.Replace("[|", "").Replace("|]", ""), "flask==2.2.2\n").CurrentManifest()
            .Python(FailedInTheFreshEnvironment())
            .Rehearsal(TestFacts.Rehearsed(FailedInTheFreshEnvironment()));

        IsQuiet("CL3013", project);
    }

    [Fact]
    public void IsQuiet_WhenTheFreshEnvironmentImports() =>
        IsQuiet("CL3013", TestDeployment.FlaskApp().CurrentManifest().Python(TestFacts.Imported()).Rehearsal(TestFacts.Rehearsed()));
}
