using Connect.Lint.Pipeline;
using Connect.Lint.Settings;
using Xunit;

namespace Connect.Lint.Tests.RuleTests;

/// <summary>CL9003 judges what the other rules did, so it runs through the engine's analyse stage, not alone.</summary>
public sealed class CL9003Tests
{
    private static IReadOnlyList<Connect.Lint.Rules.Analysis.Diagnostic> Analyse(TestDeployment project) =>
        LintEngine.Analyze(project.Build(), SettingsResolver.For(TestDeployment.Root, CommandLineSettings.None))
            .Where(d => d.Id == "CL9003").ToList();

    [Fact]
    public void Fires_OnANoqaThatSuppressesNothing_AndTheFixRemovesIt()
    {
        var project = TestDeployment.FlaskApp(requirements: "flask==3.0.3  # noqa: CL3007\n");

        var diagnostic = Assert.Single(Analyse(project));
        Assert.Equal("'# noqa' for CL3007 suppresses nothing here", diagnostic.Message);
        var edit = Assert.Single(diagnostic.Fix!.Edits);
        Assert.Equal("flask==3.0.3\n", project.TextOf("requirements.txt")[..edit.Start] + edit.NewText + project.TextOf("requirements.txt")[edit.End..]);
    }

    [Fact]
    public void IsQuiet_WhenTheNoqaSuppresses_OrNamesAPythonRuleThatCouldNotRun()
    {
        Assert.Empty(Analyse(TestDeployment.FlaskApp(requirements: "flask  # noqa: CL3007\n")));
        Assert.Empty(Analyse(TestDeployment.FlaskApp(appPy: "import os  # noqa: CL3003\n")));
    }
}
