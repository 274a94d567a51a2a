using Connect.Lint.Rules.Model.Python;
using Xunit;
using static Connect.Lint.Tests.RuleTests.RuleVerifier;

namespace Connect.Lint.Tests.RuleTests;

public sealed class CL2004Tests
{
    [Fact]
    public void Fires_WhenTheEntrypointNamesAFactory()
    {
        var import = new ImportFacts { Module = "app", Object = "create_app", Outcome = ImportOutcome.Imported, Resolved = new ResolvedObject("create_app", ObjectShape.Factory, false, null, null) };
        var project = TestDeployment.FlaskApp().CurrentManifest(entrypoint: "app:create_app", edit: json => json.Replace("\"app:create_app\"", "[|\"app:create_app\"|]"))
            .Python(TestFacts.Imported(import));

        Assert.StartsWith("'app:create_app' is an application factory: Connect serves the named object itself", Assert.Single(Fires("CL2004", project)).Message);
    }

    [Fact]
    public void IsQuiet_ForABareModuleWhoseFactoryConnectCalls()
    {
        var import = new ImportFacts
        {
            Module = "app", Outcome = ImportOutcome.Imported, Resolved = new ResolvedObject("create_app", ObjectShape.Factory, true, ObjectShape.App, null), App = TestFacts.FlaskApp(),
        };
        IsQuiet("CL2004", TestDeployment.FlaskApp().CurrentManifest(entrypoint: "app").Python(TestFacts.Imported(import)));
    }
}
