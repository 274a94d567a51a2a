using Xunit;
using static Connect.Lint.Tests.RuleTests.RuleVerifier;

namespace Connect.Lint.Tests.RuleTests;

public sealed class CL5003Tests
{
    [Fact]
    public void Fires_OnARootRelativeStaticUrlInATemplate_WithTheUrlForAdvice() =>
        Assert.EndsWith("use {{ url_for('static', filename='site.css') }}", Assert.Single(Fires("CL5003",
            TestDeployment.FlaskApp().File("templates/base.html", "<link href=\"[|/static/site.css|]\" rel=\"stylesheet\">\n"))).Message);

    [Fact]
    public void Fires_OnARootRedirect() =>
        Fires("CL5003", TestDeployment.FlaskApp(appPy: "from flask import Flask, redirect\napp = Flask(__name__)\ndef go():\n    return redirect([|\"/login\"|])\n"));

    [Fact]
    public void IsQuiet_ForUrlForAndProtocolRelativeUrls() =>
        IsQuiet("CL5003", TestDeployment.FlaskApp().File("templates/base.html",
            "<link href=\"{{ url_for('static', filename='site.css') }}\">\n<script src=\"//cdn.example.com/x.js\"></script>\n"));
}
