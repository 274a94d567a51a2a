using Xunit;

namespace Connect.Lint.Tests;

/// <summary>
/// The cache is data: made private, refused (with a warning, and the run goes on without it) when others could write
/// into it, and the one executable thing in it, the compiled bridge, runs only when it hashes to what the tool recorded.
/// </summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class CacheTrustTests
{
    private const string App = "from flask import Flask\n\napp = Flask(__name__)\napp.run()\n";

    private static TempProject Project()
    {
        var project = TempProject.Empty();
        project.Write("app.py", App);
        project.Write("requirements.txt", "flask==2.2.2\n");
        return project;
    }

    private static CliRun Check(TempProject project, string cache, params string[] extra) =>
        ToolProcess.RunWithEnvironment(project.Root, ["check", "project", "--python", TestPython.Path, "--select", "CL2", .. extra],
            new Dictionary<string, string?> { ["CONNECT_LINT_CACHE_DIR"] = cache });

    [Fact]
    public void ACompiledBridgePlantedInTheCache_IsNeverRun()
    {
        using var project = Project();
        var cache = Path.Combine(project.Root, "cache");
        Assert.Contains("CL2006", Check(project, cache).Stdout);
        Assert.Equal("700", Convert.ToString((int)File.GetUnixFileMode(cache), 8));
        var compiled = Assert.Single(Directory.GetFiles(Path.Combine(cache, "bridge"), "*.bin"));

        // A doctored file that the interpreter would accept (the right marshal tag), doing something else entirely.
        var marker = Path.Combine(project.Root, "planted-code-ran");
        var plant = System.Diagnostics.Process.Start(TestPython.Path, ["-c",
            "import marshal, sys; tag = repr((sys.version, sys.implementation.cache_tag)).encode(); " +
            "code = compile('open(%r, \"w\")' % sys.argv[2], 'planted', 'exec'); " +
            "open(sys.argv[1], 'wb').write(tag + b'\\n' + marshal.dumps([code]))", compiled, marker])!;
        plant.WaitForExit();
        Assert.Equal(0, plant.ExitCode);

        var again = Check(project, cache);

        Assert.False(File.Exists(marker), "the planted compiled bridge was executed");
        Assert.Contains("CL2006", again.Stdout);
    }

    [Fact]
    public void ACacheOthersCanWrite_IsRefusedWithAWarning_AndTheRunGoesOnWithoutIt()
    {
        using var project = Project();
        var shared = Path.Combine(project.Root, "shared-cache");
        Directory.CreateDirectory(shared);
        File.SetUnixFileMode(shared, (UnixFileMode)0b111_111_111);

        var run = Check(project, shared);

        Assert.Contains("CL2006", run.Stdout);
        Assert.Contains($"connect-lint: warning: the cache {shared} is writable by others (mode 777): this run uses no cache", run.Stderr);
        Assert.Empty(Directory.EnumerateFileSystemEntries(shared));
    }

    [Fact]
    public void ACacheThatCannotBeCreated_IsAWarning_EvenForARehearsal()
    {
        using var project = Project();
        project.Write("app.py", "from flask import Flask\n\napp = Flask(__name__)\n");
        var blocked = Path.Combine(project.Root, "a-file");
        File.WriteAllText(blocked, "not a directory\n");
        var environment = Wheelhouse.Environment(Path.Combine(blocked, "cache"));

        var run = ToolProcess.RunWithEnvironment(project.Root, ["check", "project", "--python", TestPython.Path, "--rehearse"], environment);

        Assert.True(run.ExitCode is 0 or 1, run.Stderr);
        Assert.Contains($"connect-lint: warning: the cache {Path.Combine(blocked, "cache")} cannot be created", run.Stderr);
        Assert.DoesNotContain("internal error", run.Stderr);
        Assert.Contains("rehearsal with Python", run.Stderr);
    }
}
