using Xunit;
using static Connect.Lint.Tests.RuleTests.RuleVerifier;

namespace Connect.Lint.Tests.RuleTests;

public sealed class CL5002Tests
{
    [Fact]
    public void Fires_OnTheLiteral() =>
        Fires("CL5002", TestDeployment.FlaskApp(appPy: "from flask import Flask\napp = Flask(__name__)\napp.secret_key = [|\"dev-not-secret\"|]\napp.config[\"SECRET_KEY\"] = [|'also-literal'|]\n"));

    [Fact]
    public void IsQuiet_WhenTheKeyComesFromTheEnvironment() =>
        IsQuiet("CL5002", TestDeployment.FlaskApp(appPy: "import os\nfrom flask import Flask\napp = Flask(__name__)\napp.secret_key = os.environ[\"SECRET_KEY\"]\n"));
}
