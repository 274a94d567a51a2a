using Connect.Lint.Rules.Model.Python;
using Xunit;
using static Connect.Lint.Tests.RuleTests.RuleVerifier;

namespace Connect.Lint.Tests.RuleTests;

public sealed class CL9002Tests
{
    [Fact]
    public void Fires_WhenTheEnvironmentLacksAnImportedPackage()
    {
        var import = new ImportFacts { Module = "app", Outcome = ImportOutcome.Error, Error = new ImportFailure("ModuleNotFoundError", "No module named 'pandas'", "pandas"), Where = new CodeLocation("app.py", 2) };
        Assert.StartsWith("the environment of /usr/bin/python3 has no module 'pandas'",
            Assert.Single(Fires("CL9002", TestDeployment.FlaskApp().CurrentManifest().Python(TestFacts.Imported(import)), Line("app.py", 2))).Message);
    }

    [Fact]
    public void IsQuiet_WhenTheMissingModuleIsTheProjectsOwn_ThatIsCL2002s()
    {
        var import = new ImportFacts { Module = "app", Outcome = ImportOutcome.Error, Error = new ImportFailure("ModuleNotFoundError", "No module named 'helpers'", "helpers") };
        IsQuiet("CL9002", TestDeployment.FlaskApp().File("helpers.py", "\n").CurrentManifest().Python(TestFacts.Imported(import)));
    }
}
