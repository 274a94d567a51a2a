using Connect.Lint.Rules.Model.Python;
using Xunit;
using static Connect.Lint.Tests.RuleTests.RuleVerifier;

namespace Connect.Lint.Tests.RuleTests;

public sealed class CL2008Tests
{
    private static TestDeployment With(params UrlRule[] rules)
    {
        var import = TestFacts.Imported().Import! with { App = TestFacts.FlaskApp(rules) };
        return TestDeployment.FlaskApp().CurrentManifest().Python(TestFacts.Imported(import));
    }

    [Fact]
    public void Fires_OnTheLaterRuleForTheSamePathAndMethod() =>
        Assert.Equal("GET /items is already served by endpoint 'list_items': endpoint 'items' is unreachable", Assert.Single(Fires("CL2008", With(
            new UrlRule("/items", "list_items", ["GET"], null, new CodeLocation("app.py", 5)),
            new UrlRule("/items", "items", ["GET", "POST"], null, new CodeLocation("app.py", 9))), Line("app.py", 9))).Message);

    [Fact]
    public void IsQuiet_ForDifferentMethods_OrAnAliasWithoutAView() =>
        IsQuiet("CL2008", With(
            new UrlRule("/items", "list_items", ["GET"], null, new CodeLocation("app.py", 5)),
            new UrlRule("/items", "add_item", ["POST"], null, new CodeLocation("app.py", 9)),
            new UrlRule("/items", "index", ["GET"], null, null, HasView: false)));
}
