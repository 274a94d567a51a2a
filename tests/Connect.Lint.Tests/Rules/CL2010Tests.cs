using Connect.Lint.Rules.Model.Python;
using Xunit;
using static Connect.Lint.Tests.RuleTests.RuleVerifier;

namespace Connect.Lint.Tests.RuleTests;

public sealed class CL2010Tests
{
    private static PythonFacts Facts(ImportFacts? import = null) => TestFacts.Imported(import, files:
    [
        new StaticFileFacts("app.py", [new StaticImport("flask", 0, 1, 1, 1, 24, ["Flask"]), new StaticImport("mypkg.core", 0, 2, 1, 2, 30, ["render"])], [], [], [], null),
    ]);

    private static TestDeployment SrcLayout() => TestDeployment.FlaskApp(appPy: "from flask import Flask\n[|from mypkg.core import render|]\napp = Flask(__name__)\n")
        .File("src/mypkg/__init__.py", "\n").File("src/mypkg/core.py", "def render():\n    pass\n").CurrentManifest();

    [Fact]
    public void Fires_OnAnImportOfAPackageThatLivesUnderSrc() =>
        Assert.StartsWith("'mypkg' is the project's own code (src/mypkg/__init__.py) but not at the deployment's root",
            Assert.Single(Fires("CL2010", SrcLayout().Python(Facts(new ImportFacts
            {
                Module = "app", Outcome = ImportOutcome.Error, Error = new ImportFailure("ModuleNotFoundError", "No module named 'mypkg'", "mypkg"),
            })))).Message);

    [Fact]
    public void IsQuiet_WhenTheImportFoundItInsideTheDeployment_TheCodePutItOnSysPath() =>
        IsQuiet("CL2010", SrcLayout().Python(Facts(TestFacts.Imported().Import! with { LocalModules = ["app.py", "src/mypkg/__init__.py", "src/mypkg/core.py"] })));

    [Fact]
    public void IsQuiet_ForAPackageAtTheRoot() =>
        IsQuiet("CL2010", TestDeployment.FlaskApp(appPy: "from flask import Flask\nfrom mypkg.core import render\n")
            .File("mypkg/__init__.py", "\n").File("mypkg/core.py", "\n").CurrentManifest().Python(Facts()));
}
