using Connect.Lint.Rules.Model.Python;
using Xunit;
using static Connect.Lint.Tests.RuleTests.RuleVerifier;

namespace Connect.Lint.Tests.RuleTests;

public sealed class CL3001Tests
{
    [Fact]
    public void Fires_WithoutRequirementsTxt_AndTheUnsafeFixPinsWhatTheCodeImports()
    {
        var files = new[] { new StaticFileFacts("app.py", [new StaticImport("flask", 0, 1, 1, 1, 24, ["Flask"])], [], [], [], null) };
        var project = new TestDeployment().File("app.py", "from flask import Flask\napp = Flask(__name__)\n")
            .CurrentManifest(edit: json => json.Replace("\"package_file\": \"requirements.txt\"", "\"package_file\": [|\"requirements.txt\"|]"))
            .Python(TestFacts.Imported(files: files, packages: TestFacts.Packages(("flask", "Flask", "3.0.3"))));

        var diagnostic = Assert.Single(Fires("CL3001", project));
        Assert.Equal(Connect.Lint.Rules.Analysis.FixAvailability.Unsafe, diagnostic.Fix!.Safety);
        Assert.Equal("Flask==3.0.3\n", ApplyFixes("CL3001", project)["requirements.txt"]);
    }

    [Fact]
    public void Fires_AtTheFile_WithoutAManifest() =>
        Fires("CL3001", new TestDeployment().File("app.py", "\n"), WholeFile("requirements.txt"));

    [Fact]
    public void IsQuiet_WithRequirementsTxt() =>
        IsQuiet("CL3001", TestDeployment.FlaskApp());
}
