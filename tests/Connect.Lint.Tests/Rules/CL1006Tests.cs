using Xunit;
using static Connect.Lint.Tests.RuleTests.RuleVerifier;

namespace Connect.Lint.Tests.RuleTests;

public sealed class CL1006Tests
{
    [Fact]
    public void Fires_OnAListedFileThatIsGone_AndTheFixRegeneratesTheList()
    {
        var project = TestDeployment.FlaskApp().File("old.py", "x = 1\n").CurrentManifest(edit: json => json.Replace("\"old.py\":", "[|\"old.py\"|]:"));
        var withoutOld = project.With(d => d with
        {
            Inventory = d.Inventory.Where(p => p != "old.py").ToList(),
            Files = d.Files.Where(f => f.Key != "old.py").ToDictionary(),
        });

        Assert.Equal("'old.py' is listed in the manifest but does not exist", Assert.Single(Fires("CL1006", withoutOld)).Message);
        Assert.DoesNotContain("old.py", ApplyFixes("CL1006", withoutOld)["manifest.json"]);
    }

    [Fact]
    public void IsQuiet_WhenEveryListedFileExists() =>
        IsQuiet("CL1006", TestDeployment.FlaskApp().CurrentManifest());
}
