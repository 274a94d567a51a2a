using System.Text.RegularExpressions;
using Xunit;

namespace Connect.Lint.Tests;

/// <summary>connect-lint write-manifest writes the bytes rsconnect-python 1.29 writes, and refuses what it refuses (shared/parity cases).</summary>
public sealed class ParityTests
{
    public static TheoryData<string, string[]> Cases => new()
    {
        { "01-minimal", [] },
        { "02-factory", ["-e", "myapp:create_app"] },
        { "02b-factory-wsgi", [] },
        { "03-wsgi", [] },
        { "04-override-python-version", ["--override-python-version", "3.10"] },
        { "05-package-installer-uv", ["--package-installer", "uv"] },
        { "06-exclude-renv", ["--exclude-renv"] },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void WriteManifest_WritesRsconnectsBytes(string name, string[] extraArgs)
    {
        using var project = TempProject.FromFixture($"parity/{name}/app");
        Environment.SetEnvironmentVariable("LC_ALL", "C.UTF-8");

        var run = project.Run(["write-manifest", "project", "--python", TestPython.Path, .. extraArgs]);

        Assert.Equal(0, run.ExitCode);
        var expected = File.ReadAllText(Path.Combine(Fixtures.Root, "parity", name, "expected-manifest.json"));
        if (!extraArgs.Contains("--override-python-version"))
        {
            expected = Regex.Replace(expected, "(\"python\": \\{\\n    \"version\": )\"[^\"]*\"", $"$1\"{TestPython.PythonVersion}\"");
        }

        expected = Regex.Replace(expected, "(\"name\": \"(?:pip|uv)\",\\n      \"version\": )\"[^\"]*\"", $"$1\"{TestPython.PipVersion}\"");
        Assert.Equal(expected, project.Read("manifest.json"));
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Check_AcceptsTheManifestRsconnectWrote(string name, string[] extraArgs)
    {
        _ = extraArgs;
        using var project = TempProject.FromFixture($"parity/{name}/app");
        File.Copy(Path.Combine(Fixtures.Root, "parity", name, "expected-manifest.json"), project.PathOf("manifest.json"));

        var run = project.Run("check", "project", "--no-python", "--select", "CL1");

        Assert.Equal("All checks passed (1 deployment).\n", run.Stdout);
        Assert.Equal(0, run.ExitCode);
    }

    [Fact]
    public void WriteManifest_RefusesAMissingRequirementsFile_AsRsconnectDoes()
    {
        var recorded = Path.Combine(Fixtures.Root, "parity", "07-missing-requirements");
        using var project = TempProject.FromFixture("parity/07-missing-requirements/app");

        var run = project.Run("write-manifest", "project", "--python", TestPython.Path);

        Assert.Equal(int.Parse(File.ReadAllText(Path.Combine(recorded, "expected-exit-code")).Trim(), System.Globalization.CultureInfo.InvariantCulture), run.ExitCode);
        // rsconnect's three lines say one thing: the file, the directory, and the two ways out (-r, -g).
        Assert.Contains("The requirements file 'requirements.txt' does not exist in 'app'", File.ReadAllText(Path.Combine(recorded, "expected-error.txt")));
        Assert.Contains("the requirements file 'requirements.txt' does not exist in project: ", run.Stderr);
        Assert.Contains("--requirements-file", run.Stderr);
        Assert.Contains("--force-generate", run.Stderr);
        Assert.False(File.Exists(project.PathOf("manifest.json")));
    }

    [Fact]
    public void Check_AcceptsWindowsLineEndings()
    {
        using var project = TempProject.FromFixture("parity/02-factory/app");
        File.Copy(Path.Combine(Fixtures.Root, "parity", "02-factory", "expected-manifest.json"), project.PathOf("manifest.json"));
        project.Write("myapp/views.py", project.Read("myapp/views.py").Replace("\n", "\r\n"));
        project.Write("requirements.txt", "flask==2.2.2\r\ngunicorn\r\n");

        var run = project.Run("check", "project", "--no-python", "--select", "CL1");

        Assert.Equal(0, run.ExitCode);
    }

    [Fact]
    public void RequirementsChecksum_FollowsRsconnectsProcessing()
    {
        // rsconnect drops lines mentioning rsconnect and cuts conda's " @ file:" references before hashing.
        using var project = TempProject.FromFixture("parity/01-minimal/app");
        File.Copy(Path.Combine(Fixtures.Root, "parity", "01-minimal", "expected-manifest.json"), project.PathOf("manifest.json"));
        project.Write("requirements.txt", "flask==2.2.2 @ file:///home/conda/feedstock/flask\nrsconnect-python==1.29.0\n");

        var run = project.Run("check", "project", "--no-python", "--select", "CL1");

        Assert.Equal(0, run.ExitCode);
    }
}
