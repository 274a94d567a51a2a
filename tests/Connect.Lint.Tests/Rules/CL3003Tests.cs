using Connect.Lint.Rules.Model.Python;
using Xunit;
using static Connect.Lint.Tests.RuleTests.RuleVerifier;

namespace Connect.Lint.Tests.RuleTests;

public sealed class CL3003Tests
{
    private const string AppPy = "from flask import Flask\n[|import pandas|]\napp = Flask(__name__)\n";

    private static PythonFacts Facts() => TestFacts.Imported(
        files: [new StaticFileFacts("app.py", [new StaticImport("flask", 0, 1, 1, 1, 24, ["Flask"]), new StaticImport("pandas", 0, 2, 1, 2, 14, null)], [], [], [], null)],
        packages: TestFacts.Packages(("flask", "Flask", "3.0.3"), ("pandas", "pandas", "2.2.2")));

    [Fact]
    public void Fires_OnTheImportOfAnUndeclaredDistribution_AndTheUnsafeFixAddsItPinned()
    {
        var project = TestDeployment.FlaskApp(appPy: AppPy).CurrentManifest().Python(Facts());

        Assert.Equal("'pandas' is imported but pandas is not in requirements.txt: Connect will not install it", Assert.Single(Fires("CL3003", project)).Message);
        Assert.Equal("flask==3.0.3\npandas==2.2.2\n", ApplyFixes("CL3003", project)["requirements.txt"]);
    }

    [Fact]
    public void IsQuiet_WhenEveryImportIsDeclared() =>
        IsQuiet("CL3003", TestDeployment.FlaskApp(appPy: AppPy.Replace("[|", "").Replace("|]", ""), requirements: "flask==3.0.3\npandas==2.2.2\n").CurrentManifest().Python(Facts()));
}
