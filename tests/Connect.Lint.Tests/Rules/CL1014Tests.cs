using Connect.Lint.Rules.Model.Requirements;
using Xunit;
using static Connect.Lint.Tests.RuleTests.RuleVerifier;

namespace Connect.Lint.Tests.RuleTests;

public sealed class CL1014Tests
{
    private static TestDeployment Project(ToolRsconnect tool, Func<string, string>? edit = null) =>
        TestDeployment.FlaskApp().CurrentManifest(edit: edit).With(d => d with { Pyproject = new PyprojectFacts(null, tool) });

    [Fact]
    public void Fires_OnAnotherEntrypoint_AndTheUnsafeFixTakesTheTables()
    {
        var project = Project(new ToolRsconnect("python-api", "wsgi:app", null), json => json.Replace("\"app:app\"", "[|\"app:app\"|]"));

        var diagnostic = Assert.Single(Fires("CL1014", project));
        Assert.Equal("manifest.json's entrypoint is 'app:app' but pyproject.toml's [tool.rsconnect] entrypoint is 'wsgi:app': rsconnect and this Git-backed deployment would run different things", diagnostic.Message);
        Assert.Equal(Connect.Lint.Rules.Analysis.FixAvailability.Unsafe, diagnostic.Fix!.Safety);
        Assert.Contains("\"entrypoint\": \"wsgi:app\"", ApplyFixes("CL1014", project)["manifest.json"]);
    }

    [Fact]
    public void Fires_OnAnotherAppMode() =>
        Assert.StartsWith("manifest.json's appmode is 'python-api' but pyproject.toml's [tool.rsconnect] app_mode is 'python-fastapi'",
            Assert.Single(Fires("CL1014", Project(new ToolRsconnect("python-fastapi", "app:app", null), json => json.Replace("\"python-api\"", "[|\"python-api\"|]")))).Message);

    [Fact]
    public void IsQuiet_WhenTheyAgree_OrThereIsNoTable()
    {
        IsQuiet("CL1014", Project(new ToolRsconnect("python-api", "app:app", "pyproject.toml")));
        IsQuiet("CL1014", TestDeployment.FlaskApp().CurrentManifest());
    }
}
