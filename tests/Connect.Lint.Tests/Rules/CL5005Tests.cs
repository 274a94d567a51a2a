using Connect.Lint.Rules.Model.Rehearsal;
using Xunit;
using static Connect.Lint.Tests.RuleTests.RuleVerifier;

namespace Connect.Lint.Tests.RuleTests;

public sealed class CL5005Tests
{
    private const string App =
        "from flask import Flask, redirect, render_template\n\napp = Flask(__name__)\n\n\n@app.route(\"/\")\ndef index():\n    return render_template(\"index.html\")\n\n\n" +
        "@app.route(\"/account\")\ndef account():\n    return redirect([|\"/login\"|])\n";

    private const string Template = "<link rel=\"stylesheet\" href=\"[|/static/x.css|]\">\n<a href=\"{{ url_for('login') }}\">in</a>\n";

    private static TestDeployment Served(string app, string template) =>
        TestDeployment.FlaskApp(app).File("templates/index.html", template).CurrentManifest().Python(TestFacts.Imported())
            .Rehearsal(TestFacts.Rehearsed(served: TestFacts.Served(
                TestFacts.Route("/", "app.py", 7, links: new EscapingLink("href", "/static/x.css")),
                TestFacts.Route("/account", "app.py", 12, status: 302, location: "/login"))));

    [Fact]
    public void Fires_AtTheTemplatesAttribute_AndTheRedirectsString()
    {
        var messages = Fires("CL5005", Served(App, Template)).Select(d => d.Message).Order(StringComparer.Ordinal);

        Assert.Equal(
            [
                "GET / served a page with href=\"/static/x.css\" when requested under Connect's path prefix: a root-relative URL resolves against the server's root, outside the app; use url_for('static', filename='x.css')",
                "GET /account redirected to /login when requested under Connect's path prefix: a root-relative URL resolves against the server's root, outside the app; build it with url_for(...)",
            ],
            messages);
    }

    [Fact]
    public void SupersedesCL5003_WhereItProvedTheEscape() =>
        IsQuiet("CL5003", Served(App.Replace("[|", "").Replace("|]", ""), Template.Replace("[|", "").Replace("|]", "")));

    [Fact]
    public void IsQuiet_WhenTheResponsesStayUnderThePrefix() =>
        IsQuiet("CL5005", TestDeployment.FlaskApp().CurrentManifest().Python(TestFacts.Imported())
            .Rehearsal(TestFacts.Rehearsed(served: TestFacts.Served(TestFacts.Route("/", "app.py", 7)))));
}
