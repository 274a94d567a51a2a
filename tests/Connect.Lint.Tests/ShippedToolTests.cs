using Xunit;

namespace Connect.Lint.Tests;

/// <summary>
/// The tool as users install it (build/pack.sh's packages, installed with dotnet tool install; test.sh does it under CI
/// and names it in CONNECT_LINT_SHIPPED): on linux-x64 the Native AOT build. It must say what the test build says, byte
/// for byte, and its embedded host must work through the companion beside it.
/// </summary>
[Collection(Alone.Name)]
public sealed class ShippedToolTests
{
    private static string? Shipped()
    {
        var shipped = Environment.GetEnvironmentVariable("CONNECT_LINT_SHIPPED");
        if (string.IsNullOrEmpty(shipped))
        {
            Assert.True(string.IsNullOrEmpty(Environment.GetEnvironmentVariable("CI")),
                "CONNECT_LINT_SHIPPED is not set: under CI, test.sh installs the shipped tool (build/pack.sh) and names it there");
            return null;
        }

        Assert.True(File.Exists(shipped), $"CONNECT_LINT_SHIPPED={shipped} does not exist");
        return shipped;
    }

    /// <summary>With --no-cache: both builds import, rather than the second reusing the first one's answer.</summary>
    public static TheoryData<string> Commands() =>
    [
        "check project --python /usr/bin/python3 --no-cache --format text",
        "check project --python /usr/bin/python3 --no-cache --format json",
        "check project --python /usr/bin/python3 --no-cache --format sarif",
        "check project --python /usr/bin/python3 --no-cache --format github",
        "check project --no-python",
        "check project --python /usr/bin/python3 --show-settings",
        "inspect project --python /usr/bin/python3 --no-cache --format json",
        "check project --python /usr/bin/python3 --no-cache --python-host embedded",
        "rules",
        "explain CL2002",
        "--version",
    ];

    [Theory]
    [MemberData(nameof(Commands))]
    public void TheShippedTool_SaysWhatTheTestBuildSays(string command)
    {
        if (Shipped() is not { } shipped)
        {
            return;
        }

        using var project = TempProject.FromFixture(Path.Combine(Fixtures.RepositoryRoot, "examples", "inventory-api"));
        var arguments = command.Split(' ');

        var expected = ToolProcess.Run(project.Root, arguments);
        var actual = ToolProcess.RunProgram(shipped, project.Root, arguments);

        Assert.Equal(expected.Stdout, actual.Stdout);
        Assert.Equal(expected.Stderr, actual.Stderr);
        Assert.Equal(expected.ExitCode, actual.ExitCode);
    }

    /// <summary>The language server needs a JIT (StreamJsonRpc): the Native AOT build hands it to its companion.</summary>
    [Fact]
    public void TheShippedLanguageServer_PublishesDiagnostics()
    {
        if (Shipped() is not { } shipped)
        {
            return;
        }

        using var project = LanguageServerTests.StaleProject();
        using var client = LanguageServerTests.Start(project, shipped);

        Assert.Contains(client.DiagnosticsOf(project.PathOf("manifest.json")), d => (string?)d!["code"] == "CL1007");
        Assert.Null(client.Request("shutdown", null));
    }

    [Fact]
    public void OnLinuxX64_ItIsNativeAot_WithTheEmbeddedHostsCompanionBesideIt()
    {
        if (Shipped() is not { } shipped || System.Runtime.InteropServices.RuntimeInformation.RuntimeIdentifier != "linux-x64")
        {
            return;
        }

        var binary = File.ResolveLinkTarget(shipped, returnFinalTarget: true)?.FullName ?? shipped;
        var header = new byte[4];
        using (var file = File.OpenRead(binary))
        {
            file.ReadExactly(header);
        }

        Assert.Equal("\u007fELF", System.Text.Encoding.ASCII.GetString(header));
        Assert.False(File.Exists(Path.ChangeExtension(binary, ".dll")), "a Native AOT tool has no managed connect-lint.dll beside it");
        Assert.True(File.Exists(Path.Combine(Path.GetDirectoryName(binary)!, "embedded", "connect-lint.dll")));
    }

    [Fact]
    public void TheShippedEmbeddedHost_SurvivesOsExit_AndReportsACrash()
    {
        if (Shipped() is not { } shipped)
        {
            return;
        }

        using var exits = TempProject.FromFixture("python/os-exit-zero");
        Assert.Equal(0, exits.Run("write-manifest", "project", "--python", TestPython.Path, "-e", "app").ExitCode);
        using var crashes = TempProject.FromFixture("python/segfault");
        Assert.Equal(0, crashes.Run("write-manifest", "project", "--python", TestPython.Path, "-e", "app").ExitCode);

        var exited = ToolProcess.RunProgram(shipped, exits.Root, ["check", "project", "--python", TestPython.Path, "--python-host", "embedded", "--select", "CL2"]);
        var crashed = ToolProcess.RunProgram(shipped, crashes.Root, ["check", "project", "--python", TestPython.Path, "--python-host", "embedded"]);

        Assert.Equal(1, exited.ExitCode);
        Assert.Contains("project/manifest.json:6:19: error CL2007 the interpreter exited with code 0 (os._exit or a crash) while importing 'app'", exited.Stdout);
        Assert.Contains("embedded host", exited.Stderr);
        Assert.NotEqual(0, crashed.ExitCode);
        Assert.Contains("run again with --python-host process", crashed.Stderr);
    }
}
