using Xunit;
using static Connect.Lint.Tests.RuleTests.RuleVerifier;

namespace Connect.Lint.Tests.RuleTests;

public sealed class CL5001Tests
{
    [Fact]
    public void Fires_OnDebugSwitchedOnAtModuleLevel() =>
        Assert.StartsWith("debug mode is switched on ('.debug = True')", Assert.Single(Fires("CL5001",
            TestDeployment.FlaskApp(appPy: "from flask import Flask\napp = Flask(__name__)\napp[|.debug = True|]\n"))).Message);

    [Fact]
    public void Fires_OnTheConfigKeyAndTheRunArgument() =>
        Fires("CL5001", TestDeployment.FlaskApp(appPy: "from flask import Flask\napp = Flask(__name__)\napp.config[|[\"DEBUG\"] = True|]\napp.run([|debug=True|])\n"));

    [Fact]
    public void IsQuiet_UnderTheMainGuard_AndInComments() =>
        IsQuiet("CL5001", TestDeployment.FlaskApp(appPy: "from flask import Flask\napp = Flask(__name__)  # app.debug = True\nif __name__ == \"__main__\":\n    app.run(debug=True)\n"));
}
