using Connect.Lint.Caching;
using Xunit;

namespace Connect.Lint.Tests;

/// <summary>
/// The installed packages are read once per interpreter and kept (PackageCache); the bridge reads them again only when
/// the environment's directories changed. Each run here goes through the real bridge in a real venv.
/// </summary>
public sealed class PackageCacheTests
{
    private static TempProject ProjectWithVenv(out TestVenv venv)
    {
        var project = TempProject.Empty();
        project.Write("app.py", "import tinydep\nfrom flask import Flask\n\napp = Flask(__name__)\n");
        project.Write("requirements.txt", "flask==2.2.2\ntinydep==1.0\n");
        venv = TestVenv.Create(Path.Combine(project.Root, "venv")).Install("tinydep", "1.0", new Dictionary<string, string> { ["tinydep.py"] = "" });
        Assert.Equal(0, project.Run("write-manifest", "project", "--python", venv.Python, "-e", "app").ExitCode);
        return project;
    }

    private static string[] Drift(TempProject project, TestVenv venv, params string[] extra) =>
        project.Run(["check", "project", "--python", venv.Python, "--select", "CL3008", .. extra])
            .Stdout.Split('\n').Where(l => l.Contains(" CL", StringComparison.Ordinal)).ToArray();

    [Fact]
    public void TheInstalledPackages_AreKept_AndReadAgainWhenTheEnvironmentChanges()
    {
        using var project = ProjectWithVenv(out var venv);
        var entry = PackageCache.PathFor(venv.Python);

        Assert.Empty(Drift(project, venv));
        Assert.True(File.Exists(entry), "the first check keeps what it read");

        // An entry that says otherwise, for the same environment: the check believes it (nothing was re-read)...
        File.WriteAllText(entry, File.ReadAllText(entry).Replace("\"tinydep\": \"1.0\"", "\"tinydep\": \"1.5\"", StringComparison.Ordinal));
        var pinned = "project/requirements.txt:2:1: warning CL3008 tinydep is pinned to 1.0 but {0} is installed in " + venv.Python +
                     ": Connect will run 1.0, which you have not tested";
        Assert.Equal([string.Format(null, pinned, "1.5")], Drift(project, venv));

        // ...but not with --no-cache,
        Assert.Empty(Drift(project, venv, "--no-cache"));

        // and not once the environment changed: an upgrade is read at once.
        Directory.Delete(Directory.GetDirectories(Path.Combine(venv.Directory, "lib")).Single() + "/site-packages/tinydep-1.0.dist-info", recursive: true);
        venv.Install("tinydep", "2.0", new Dictionary<string, string> { ["tinydep.py"] = "" });
        Assert.Equal([string.Format(null, pinned, "2.0")], Drift(project, venv));
    }

    [Fact]
    public void ACorruptEntry_IsIgnoredAndRewritten()
    {
        using var project = ProjectWithVenv(out var venv);
        var entry = PackageCache.PathFor(venv.Python);
        Directory.CreateDirectory(Path.GetDirectoryName(entry)!);
        File.WriteAllText(entry, "{\"tool\": \"0.1.0\", \"key\": [not json");

        Assert.Empty(Drift(project, venv));
        Assert.Contains("\"tinydep\": \"1.0\"", File.ReadAllText(entry));
    }
}
