using Xunit;
using static Connect.Lint.Tests.RuleTests.RuleVerifier;

namespace Connect.Lint.Tests.RuleTests;

public sealed class CL1012Tests
{
    [Fact]
    public void Fires_OnAPackageFileOfAnotherNameThatDoesNotExist()
    {
        var project = TestDeployment.FlaskApp().CurrentManifest(edit: json => json.Replace("\"package_file\": \"requirements.txt\"", "\"package_file\": [|\"requirements/prod.txt\"|]"));

        Assert.StartsWith("'requirements/prod.txt' (python.package_manager.package_file) does not exist", Assert.Single(Fires("CL1012", project)).Message);
    }

    [Fact]
    public void IsQuiet_WhenItExists_AndLeavesAMissingRequirementsTxtToCL3001()
    {
        IsQuiet("CL1012", new TestDeployment().File("app.py", "\n").File("reqs.txt", "flask\n").CurrentManifest(packageFile: "reqs.txt"));
        IsQuiet("CL1012", new TestDeployment().File("app.py", "\n").CurrentManifest());
    }
}
