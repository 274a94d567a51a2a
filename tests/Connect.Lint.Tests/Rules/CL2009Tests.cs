using Connect.Lint.Rules.Model.Python;
using Xunit;
using static Connect.Lint.Tests.RuleTests.RuleVerifier;

namespace Connect.Lint.Tests.RuleTests;

public sealed class CL2009Tests
{
    [Fact]
    public void Fires_OnTheBlueprintThatIsNeverRegistered()
    {
        const string views = "from flask import Blueprint\nadmin = [|Blueprint(\"admin\", __name__)|]\n";
        var files = new[] { new StaticFileFacts("views.py", [], [], [new StaticBlueprint("admin", 2, 9, 2, 37)], [], null) };
        var import = TestFacts.Imported().Import! with { UnregisteredBlueprints = [new UnregisteredBlueprint("admin", new CodeLocation("views.py", 2))] };
        var project = TestDeployment.FlaskApp().File("views.py", views).CurrentManifest().Python(TestFacts.Imported(import, files: files));

        Assert.Equal("Blueprint 'admin' is created but never registered with the app: none of its routes exist", Assert.Single(Fires("CL2009", project)).Message);
    }

    [Fact]
    public void IsQuiet_WhenEveryBlueprintIsRegistered() =>
        IsQuiet("CL2009", TestDeployment.FlaskApp().CurrentManifest().Python(TestFacts.Imported()));
}
