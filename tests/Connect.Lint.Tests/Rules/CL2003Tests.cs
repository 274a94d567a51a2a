using Connect.Lint.Rules.Model.Python;
using Xunit;
using static Connect.Lint.Tests.RuleTests.RuleVerifier;

namespace Connect.Lint.Tests.RuleTests;

public sealed class CL2003Tests
{
    [Fact]
    public void Fires_WhenTheNamedObjectIsMissing_AndTheFixNamesTheOneApp()
    {
        var import = new ImportFacts { Module = "app", Object = "application", Outcome = ImportOutcome.Imported, Candidates = [new Candidate("app", CandidateKind.App)] };
        var project = TestDeployment.FlaskApp().CurrentManifest(entrypoint: "app:application", edit: json => json.Replace("\"app:application\"", "[|\"app:application\"|]"))
            .Python(TestFacts.Imported(import));

        Assert.Equal("module 'app' has no object 'application'; it has 'app' (a Flask app)", Assert.Single(Fires("CL2003", project)).Message);
        Assert.Contains("\"entrypoint\": \"app:app\"", ApplyFixes("CL2003", project)["manifest.json"]);
    }

    [Fact]
    public void IsQuiet_WhenTheObjectResolved() =>
        IsQuiet("CL2003", TestDeployment.FlaskApp().CurrentManifest().Python(TestFacts.Imported()));
}
