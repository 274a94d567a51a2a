using Connect.Lint.Rules.Analysis;
using Connect.Lint.Rules.Model.Python;
using Xunit;
using static Connect.Lint.Tests.RuleTests.RuleVerifier;

namespace Connect.Lint.Tests.RuleTests;

public sealed class CL5002Tests
{
    private const string ConfigClasses =
        "import os\nfrom flask import Flask\n\nclass DevelopmentConfig:\n    SECRET_KEY = \"dev\"\n\nclass ProductionConfig:\n" +
        "    SECRET_KEY = os.environ.get(\"SECRET_KEY\", [|\"insecure-fallback\"|])\n\napp = Flask(__name__)\napp.config.from_object(ProductionConfig)\n";

    private static PythonFacts Imported(SecretKeyFacts secret) =>
        TestFacts.Imported(TestFacts.Imported().Import! with { App = TestFacts.FlaskApp() with { SecretKey = secret } });

    [Fact]
    public void Fires_AtTheLiteralTheImportedAppEndedUpWith_NotAtAConfigItDoesNotLoad() =>
        Assert.Equal(Severity.Error, Assert.Single(Fires("CL5002", TestDeployment.FlaskApp(appPy: ConfigClasses)
            .Python(Imported(new SecretKeyFacts(SecretKeySource.Literal, new CodeSpan("app.py", 8, 47, 8, 66)))))).Severity);

    [Fact]
    public void IsQuiet_WhenTheImportedAppsKeyCameFromTheEnvironment() =>
        IsQuiet("CL5002", TestDeployment.FlaskApp(appPy: ConfigClasses.Replace("[|", "").Replace("|]", ""))
            .Python(Imported(new SecretKeyFacts(SecretKeySource.Environment, null))));

    [Fact]
    public void WithoutTheImport_TheTextScanIsAGuess() =>
        Assert.All(Fires("CL5002", TestDeployment.FlaskApp(appPy: "from flask import Flask\napp = Flask(__name__)\napp.secret_key = [|\"dev-not-secret\"|]\napp.config[\"SECRET_KEY\"] = [|'also-literal'|]\n")),
            d => Assert.Equal(Severity.Warning, d.Severity));

    [Fact]
    public void IsQuiet_WhenTheKeyComesFromTheEnvironment() =>
        IsQuiet("CL5002", TestDeployment.FlaskApp(appPy: "import os\nfrom flask import Flask\napp = Flask(__name__)\napp.secret_key = os.environ[\"SECRET_KEY\"]\n"));
}
