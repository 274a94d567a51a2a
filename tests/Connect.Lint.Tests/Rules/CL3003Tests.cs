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
    public void IsANote_WhenADeclaredRequirementBringsTheDistribution()
    {
        var files = new[] { new StaticFileFacts("app.py", [new StaticImport("flask", 0, 1, 1, 1, 24, ["Flask"]), new StaticImport("restkit", 0, 2, 1, 2, 15, null)], [], [], [], null) };
        var packages = TestFacts.Packages(("flask", "Flask", "3.0.3"), ("restkit", "restkit", "1.1")) with
        {
            Requires = new Dictionary<string, IReadOnlyList<DependencySpec>> { ["restkit"] = [new("flask", ">=2")], ["flask"] = [new("werkzeug", ">=2.2.2")] },
        };
        var project = TestDeployment.FlaskApp(appPy: "[|from flask import Flask|]\nimport restkit\n", requirements: "restkit==1.1\n").CurrentManifest()
            .Python(TestFacts.Imported(files: files, packages: packages));

        var diagnostic = Assert.Single(Fires("CL3003", project));
        Assert.Equal(Connect.Lint.Rules.Analysis.Severity.Note, diagnostic.Severity);
        Assert.StartsWith("'flask' is imported but Flask is declared only through restkit (which requires it)", diagnostic.Message);
    }

    [Fact]
    public void IsQuiet_ForAScriptTheAppNeverImports_AndForTheProjectsOwnSrcPackage()
    {
        var files = new[]
        {
            new StaticFileFacts("app.py", [new StaticImport("flask", 0, 1, 1, 1, 24, ["Flask"]), new StaticImport("mypkg", 0, 2, 1, 2, 13, null)], [], [], [], null),
            new StaticFileFacts("train.py", [new StaticImport("torch", 0, 1, 1, 1, 13, null)], [], [], [], null),
        };
        var failed = new ImportFacts { Module = "app", Outcome = ImportOutcome.Error, Error = new ImportFailure("ModuleNotFoundError", "No module named 'mypkg'", "mypkg") };
        var project = TestDeployment.FlaskApp(appPy: "from flask import Flask\nimport mypkg\n").File("train.py", "import torch\n")
            .File("src/mypkg/__init__.py", "\n").CurrentManifest()
            .Python(TestFacts.Imported(failed, files: files, packages: TestFacts.Packages(("flask", "Flask", "3.0.3"))));

        IsQuiet("CL3003", project);
    }

    [Fact]
    public void IsQuiet_WhenEveryImportIsDeclared() =>
        IsQuiet("CL3003", TestDeployment.FlaskApp(appPy: AppPy.Replace("[|", "").Replace("|]", ""), requirements: "flask==3.0.3\npandas==2.2.2\n").CurrentManifest().Python(Facts()));

    /// <summary>flask declared but not installed where the check runs; the code imports werkzeug (installed here on its own).</summary>
    private static TestDeployment FlaskNotInstalled() =>
        TestDeployment.FlaskApp(appPy: "from flask import Flask\n[|import werkzeug|]\napp = Flask(__name__)\n", requirements: "flask==2.2.2\n").CurrentManifest()
            .Python(TestFacts.Imported(
                files: [new StaticFileFacts("app.py", [new StaticImport("flask", 0, 1, 1, 1, 24, ["Flask"]), new StaticImport("werkzeug", 0, 2, 1, 2, 16, null)], [], [], [], null)],
                packages: TestFacts.Packages(("werkzeug", "Werkzeug", "2.2.2"))));

    private static Connect.Lint.Rules.Model.Requirements.ResolvedClosure Resolved(params (string Name, bool Requested, string[] Requires)[] distributions) =>
        new(distributions.ToDictionary(d => d.Name, d => new Connect.Lint.Rules.Model.Requirements.ResolvedDistribution(d.Name, "1.0", d.Requested, d.Requires)));

    [Fact]
    public void IsANote_WhenPipsResolutionOfTheRequirementsBringsIt()
    {
        var project = FlaskNotInstalled().Closure(Resolved(("flask", true, ["werkzeug", "click"]), ("werkzeug", false, ["markupsafe"]), ("click", false, [])));

        var diagnostic = Assert.Single(Fires("CL3003", project));
        Assert.Equal(Connect.Lint.Rules.Analysis.Severity.Note, diagnostic.Severity);
        Assert.StartsWith("'werkzeug' is imported but Werkzeug is declared only through flask (pip's resolution of the requirements)", diagnostic.Message);
    }

    [Fact]
    public void IsAnError_WhenPipsResolutionProvesItMissing()
    {
        var project = FlaskNotInstalled().Closure(Resolved(("flask", true, ["click"]), ("click", false, [])));

        var diagnostic = Assert.Single(Fires("CL3003", project));
        Assert.Equal(Connect.Lint.Rules.Analysis.Severity.Error, diagnostic.Severity);
    }

    [Fact]
    public void IsAWarningSayingWhy_WhenPipCouldNotResolve()
    {
        var project = FlaskNotInstalled().ClosureUnavailable("pip could not resolve requirements.txt (no index)");

        var diagnostic = Assert.Single(Fires("CL3003", project));
        Assert.Equal(Connect.Lint.Rules.Analysis.Severity.Warning, diagnostic.Severity);
        Assert.EndsWith("whether Connect installs it is unknown: flask is not installed here (so what it brings is unseen) and pip could not resolve requirements.txt (no index)", diagnostic.Message);
    }
}
