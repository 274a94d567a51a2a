using Connect.Lint.Rules.Analysis;
using Connect.Lint.Rules.Model.Python;
using Xunit;
using static Connect.Lint.Tests.RuleTests.RuleVerifier;

namespace Connect.Lint.Tests.RuleTests;

public sealed class CL5001Tests
{
    private const string ConfigClasses =
        "import os\nfrom flask import Flask\n\nclass DevelopmentConfig:\n    DEBUG = True\n\nclass ProductionConfig:\n    DEBUG = False\n\n" +
        "app = Flask(__name__)\napp.config.from_object(ProductionConfig)\n";

    private static PythonFacts Imported(bool debug, params RecordedRun[] runs) =>
        TestFacts.Imported(TestFacts.Imported().Import! with { App = TestFacts.FlaskApp() with { Debug = debug }, Runs = runs });

    [Fact]
    public void Fires_WhenTheImportedAppIsInDebugMode_AtTheCodeThatSwitchesItOn() =>
        Assert.Equal(Severity.Error, Assert.Single(Fires("CL5001",
            TestDeployment.FlaskApp(appPy: "from flask import Flask\napp = Flask(__name__)\napp[|.debug = True|]\n").Python(Imported(debug: true)))).Severity);

    [Fact]
    public void Fires_OnARunWithDebugThatTheImportMade()
    {
        var files = new[] { new StaticFileFacts("app.py", [], [new StaticCall("run", 3, 1, 3, 20)], [], [], null) };
        var facts = Imported(debug: false, new RecordedRun("run", new CodeLocation("app.py", 3), true)) with { Files = files };

        Assert.StartsWith("debug mode is switched on ('app.run(debug=True)')", Assert.Single(Fires("CL5001",
            TestDeployment.FlaskApp(appPy: "from flask import Flask\napp = Flask(__name__)\n[|app.run(debug=True)|]\n").Python(facts))).Message);
    }

    [Fact]
    public void IsQuiet_ForDebugInAConfigClassTheAppDoesNotLoad() =>
        IsQuiet("CL5001", TestDeployment.FlaskApp(appPy: ConfigClasses).Python(Imported(debug: false)));

    [Fact]
    public void WithoutTheImport_TheTextScanIsAGuess_AWarningThatSaysSo()
    {
        var diagnostic = Assert.Single(Fires("CL5001", TestDeployment.FlaskApp(appPy: ConfigClasses.Replace("    DEBUG = True", "    [|DEBUG = True|]"))));
        Assert.Equal(Severity.Warning, diagnostic.Severity);
        Assert.EndsWith("(found in the text; the app was not imported, so whether it runs was not confirmed)", diagnostic.Message);
    }

    [Fact]
    public void Fires_OnTheConfigKeyAndTheRunArgument_WithoutTheImport() =>
        Fires("CL5001", TestDeployment.FlaskApp(appPy: "from flask import Flask\napp = Flask(__name__)\napp.config[|[\"DEBUG\"] = True|]\napp.run([|debug=True|])\n"));

    [Fact]
    public void IsQuiet_UnderTheMainGuard_AndInComments() =>
        IsQuiet("CL5001", TestDeployment.FlaskApp(appPy: "from flask import Flask\napp = Flask(__name__)  # app.debug = True\nif __name__ == \"__main__\":\n    app.run(debug=True)\n"));
}
