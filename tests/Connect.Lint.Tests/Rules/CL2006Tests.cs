using Connect.Lint.Rules.Model.Python;
using Xunit;
using static Connect.Lint.Tests.RuleTests.RuleVerifier;

namespace Connect.Lint.Tests.RuleTests;

public sealed class CL2006Tests
{
    private const string RunsAtImport = "from flask import Flask\napp = Flask(__name__)\n[|app.run(debug=False)|]\n";

    [Fact]
    public void Fires_OnTheRecordedCall_WithTheStaticColumns()
    {
        var files = new[] { new StaticFileFacts("app.py", [], [new StaticCall("run", 3, 1, 3, 21)], [], [], null) };
        var import = TestFacts.Imported().Import! with { Runs = [new RecordedRun("run", new CodeLocation("app.py", 3), false)] };
        var project = TestDeployment.FlaskApp(appPy: RunsAtImport).CurrentManifest().Python(TestFacts.Imported(import, files: files));

        Assert.StartsWith("app.run() runs when the module is imported", Assert.Single(Fires("CL2006", project)).Message);
    }

    [Fact]
    public void Fires_FromTheStaticLook_WhenTheImportDidNotGetThatFar()
    {
        var files = new[] { new StaticFileFacts("app.py", [], [new StaticCall("run", 3, 1, 3, 21)], [], [], null) };
        var failed = new ImportFacts { Module = "app", Outcome = ImportOutcome.Error, Error = new ImportFailure("RuntimeError", "boom", null) };
        Fires("CL2006", TestDeployment.FlaskApp(appPy: RunsAtImport).CurrentManifest().Python(TestFacts.Imported(failed, files: files)));
    }

    [Fact]
    public void IsQuiet_WhenNothingRunsAtImport() =>
        IsQuiet("CL2006", TestDeployment.FlaskApp().CurrentManifest().Python(TestFacts.Imported()));
}
