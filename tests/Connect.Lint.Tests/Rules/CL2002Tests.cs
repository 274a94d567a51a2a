using Connect.Lint.Rules.Model.Python;
using Xunit;
using static Connect.Lint.Tests.RuleTests.RuleVerifier;

namespace Connect.Lint.Tests.RuleTests;

public sealed class CL2002Tests
{
    private static ImportFacts Failed(string type, string message, string? missing = null) => new()
    {
        Module = "app", Object = "app", Outcome = ImportOutcome.Error, Error = new ImportFailure(type, message, missing), Where = new CodeLocation("app.py", 3),
    };

    [Fact]
    public void Fires_AtTheLineOfTheUsersCodeThatRaised()
    {
        var project = TestDeployment.FlaskApp().CurrentManifest().Python(TestFacts.Imported(Failed("KeyError", "'DATABASE_URL'")));

        Assert.Equal("importing 'app' raised KeyError: 'DATABASE_URL'", Assert.Single(Fires("CL2002", project, Line("app.py", 3))).Message);
    }

    [Fact]
    public void IsQuiet_WhenAnInstalledPackageIsMissing_ThatIsCL9002s() =>
        IsQuiet("CL2002", TestDeployment.FlaskApp().CurrentManifest().Python(TestFacts.Imported(Failed("ModuleNotFoundError", "No module named 'pandas'", "pandas"))));

    [Fact]
    public void IsQuiet_WhenTheImportWorked() =>
        IsQuiet("CL2002", TestDeployment.FlaskApp().CurrentManifest().Python(TestFacts.Imported()));
}
