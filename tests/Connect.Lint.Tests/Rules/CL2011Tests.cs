using Connect.Lint.Rules.Model.Python;
using Connect.Lint.Rules.Model.Rehearsal;
using Xunit;
using static Connect.Lint.Tests.RuleTests.RuleVerifier;

namespace Connect.Lint.Tests.RuleTests;

public sealed class CL2011Tests
{
    private const string App = "from flask import Flask\n\napp = Flask(__name__)\n\n\n@app.route(\"/report\")\ndef report():\n    return {\"total\": 1 / 0}\n\n\n@app.route(\"/busy\")\ndef busy():\n    return \"...\", 503\n";

    [Fact]
    public void Fires_AtTheFrameThatRaised_AndAtTheViewOfA5xx()
    {
        var served = TestFacts.Served(
            TestFacts.Route("/report", "app.py", 7, status: 500, error: new ServeError("ZeroDivisionError", "division by zero", new CodeLocation("app.py", 8))),
            TestFacts.Route("/busy", "app.py", 12, status: 503),
            TestFacts.Route("/", "app.py", 3));
        var project = TestDeployment.FlaskApp(App).CurrentManifest().Python(TestFacts.Imported())
            .Rehearsal(TestFacts.Rehearsed(served: served));

        var diagnostics = Fires("CL2011", project, Line("app.py", 8), Line("app.py", 12));

        Assert.Equal(
            [
                "GET /report raised ZeroDivisionError: division by zero when the rehearsal requested it under Connect's path prefix in a fresh environment",
                "GET /busy answered 503 when the rehearsal requested it under Connect's path prefix in a fresh environment",
            ],
            diagnostics.Select(d => d.Message));
    }

    [Fact]
    public void IsQuiet_WhenEveryRouteAnswers() =>
        IsQuiet("CL2011", TestDeployment.FlaskApp(App).CurrentManifest().Python(TestFacts.Imported())
            .Rehearsal(TestFacts.Rehearsed(served: TestFacts.Served(TestFacts.Route("/", "app.py", 7), TestFacts.Route("/old", "app.py", 12, status: 302)))));
}
