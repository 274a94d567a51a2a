using Snapshooter.Xunit;
using Xunit;

namespace Connect.Lint.Tests;

/// <summary>A project changed after its manifest was written: what check says, what --fix does, and that it settles.</summary>
public sealed class StaleProjectTests
{
    private static TempProject StaleProject()
    {
        var project = TempProject.FromFixture("parity/02-factory/app");
        File.Copy(Path.Combine(Fixtures.Root, "parity", "02-factory", "expected-manifest.json"), project.PathOf("manifest.json"));
        project.Write("myapp/views.py", project.Read("myapp/views.py") + "\n# changed\n");
        project.Write("myapp/helpers.py", "def helper():\n    return 1\n");
        File.Delete(project.PathOf("myapp/static/site.css"));
        project.Write("myapp/__pycache__/views.cpython-311.pyc", "bytecode");
        project.Write(".env", "SECRET_KEY=do-not-deploy\n");
        return project;
    }

    [Fact]
    public void Check_ReportsEachStalenessAtTheManifestKey_Text()
    {
        using var project = StaleProject();

        var run = project.Run("check", "project", "--no-python", "--select", "CL1");

        Assert.Equal(1, run.ExitCode);
        Snapshot.Match(run.Stdout);
    }

    [Fact]
    public void Check_ReportsEachStalenessAtTheManifestKey_Json()
    {
        using var project = StaleProject();

        var run = project.Run("check", "project", "--no-python", "--select", "CL1", "--format", "json");

        Assert.Equal(1, run.ExitCode);
        Snapshot.Match(run.Stdout);
    }

    [Fact]
    public void Diff_ShowsTheFixWithoutWriting()
    {
        using var project = StaleProject();
        var before = File.ReadAllBytes(project.PathOf("manifest.json"));

        var run = project.Run("check", "project", "--no-python", "--select", "CL1", "--diff");

        Assert.Equal(1, run.ExitCode);
        Assert.Equal(before, File.ReadAllBytes(project.PathOf("manifest.json")));
        Snapshot.Match(run.Stdout);
    }

    [Fact]
    public void Fix_MakesItClean_AndASecondFixChangesNothing()
    {
        using var project = StaleProject();

        var first = project.Run("check", "project", "--no-python", "--select", "CL1", "--fix");
        var afterFirst = File.ReadAllBytes(project.PathOf("manifest.json"));
        var second = project.Run("check", "project", "--no-python", "--select", "CL1", "--fix");

        Assert.Equal(0, first.ExitCode);
        Assert.Equal("Fixed 3 problems.\nAll checks passed (1 deployment).\n", first.Stdout);
        Assert.Equal(0, second.ExitCode);
        Assert.Equal("All checks passed (1 deployment).\n", second.Stdout);
        Assert.Equal(afterFirst, File.ReadAllBytes(project.PathOf("manifest.json")));
        var manifest = project.Read("manifest.json");
        Assert.Contains("\"myapp/helpers.py\"", manifest);
        Assert.DoesNotContain("site.css", manifest);
        Assert.DoesNotContain(".env", manifest);
        Assert.DoesNotContain("__pycache__", manifest);
        Assert.Empty(Directory.GetFiles(project.Directory, "*.tmp"));
    }

    [Fact]
    public void Fix_KeepsEveryOtherByteOfTheManifest()
    {
        using var project = StaleProject();
        var original = project.Read("manifest.json").Replace("\"locale\": \"en_US.UTF-8\",", "\"locale\": \"en_US.UTF-8\",\n  \"x-team\": {\"owner\": \"caf\u00e9\"},");
        project.Write("manifest.json", original);

        project.Run("check", "project", "--no-python", "--select", "CL1", "--fix");

        var fixedText = project.Read("manifest.json");
        var filesAt = fixedText.IndexOf("\"files\"", StringComparison.Ordinal);
        Assert.Equal(original[..original.IndexOf("\"files\"", StringComparison.Ordinal)], fixedText[..filesAt]);
    }

    [Fact]
    public void Select_And_ExitZero_ShapeTheRun()
    {
        using var project = StaleProject();

        var onlyChecksums = project.Run("check", "project", "--no-python", "--select", "CL1007");
        var exitZero = project.Run("check", "project", "--no-python", "--select", "CL1", "--exit-zero");
        var badSelector = project.Run("check", "project", "--no-python", "--select", "CL9999");

        Assert.Single(onlyChecksums.Stdout.Split('\n'), l => l.Contains(" CL"));
        Assert.Contains("CL1007", onlyChecksums.Stdout);
        Assert.Equal(0, exitZero.ExitCode);
        Assert.Equal(2, badSelector.ExitCode);
        Assert.Contains("unknown rule selector CL9999", badSelector.Stderr);
    }
}
