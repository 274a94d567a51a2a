using Connect.Lint.Rules.Model.Python;
using Xunit;
using static Connect.Lint.Tests.RuleTests.RuleVerifier;

namespace Connect.Lint.Tests.RuleTests;

public sealed class CL2012Tests
{
    private static TestDeployment Failed(string type, string message, params string[] unset)
    {
        var import = new ImportFacts
        {
            Module = "app", Outcome = ImportOutcome.Error, Error = new ImportFailure(type, message, null), Where = new CodeLocation("app.py", 4), EnvironUnset = unset,
        };
        return TestDeployment.FlaskApp().CurrentManifest().Python(TestFacts.Imported(import));
    }

    [Fact]
    public void Fires_OnAKeyErrorOfAVariableTheImportReadUnset_InsteadOfCL2002()
    {
        var project = Failed("KeyError", "'DBUSER'", "DBUSER");

        Assert.Contains("reads the environment variable DBUSER, which is not set here", Assert.Single(Fires("CL2012", project, Line("app.py", 4))).Message);
        IsQuiet("CL2002", project);
    }

    [Fact]
    public void IsQuiet_OnAKeyErrorOfADictionary_ThatIsCL2002s()
    {
        var project = Failed("KeyError", "'missing'", "DBUSER");

        IsQuiet("CL2012", project);
        Assert.Single(Run("CL2002", project));
    }
}
