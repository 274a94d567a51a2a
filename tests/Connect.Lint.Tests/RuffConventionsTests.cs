using System.Diagnostics;
using Xunit;

namespace Connect.Lint.Tests;

/// <summary>What ruff's users expect of the command line: help that fits, --config, --extend-select, --cache-dir, --add-noqa, completion.</summary>
public sealed class RuffConventionsTests
{
    private const string BrokenApp =
        "from flask import Flask\n" +
        "\n" +
        "app = Flask(__name__)\n" +
        "app.secret_key = \"hardcoded-secret-1234567890\"\n" +
        "NOTES = \"\"\"\n" +
        "app.run(debug=True)\n" +
        "\"\"\"\n" +
        "app.run(debug=True)  # noqa: CL5001\n";

    public static TheoryData<string[]> Commands => new()
    {
        { [] }, { ["check"] }, { ["pre-push"] }, { ["write-manifest"] }, { ["inspect"] }, { ["install-hook"] }, { ["rules"] },
        { ["explain"] }, { ["clean"] }, { ["server"] }, { ["completion"] },
    };

    [Theory]
    [MemberData(nameof(Commands))]
    public void Help_FitsIn100Columns_WithPlaceholdersThatSayWhatAValueIs(string[] command)
    {
        using var project = TempProject.Empty();

        var help = project.Run([.. command, "--help"]).Stdout;

        Assert.All(help.Split('\n'), line => Assert.True(line.Length <= 100, $"{line.Length} columns: {line}"));
        Assert.DoesNotMatch("<(python|select|output|exclude|rev|entrypoint)>", help);
    }

    [Fact]
    public void Help_StatesTheExitCodes()
    {
        using var project = TempProject.Empty();

        Assert.Contains("Exit codes: 0 no problem at or above the fail level; 1 problems found", project.Run("--help").Stdout);
        Assert.Contains("Exit codes: 0 no problem at or above --fail-level, 1 problems found, 2 a usage error", project.Run("check", "--help").Stdout);
        Assert.Contains("Exit codes, rsconnect's: 0 written, 1 refused", project.Run("write-manifest", "--help").Stdout.Replace("\n  ", " ", StringComparison.Ordinal));
        Assert.Contains("--python <PATH>", project.Run("check", "--help").Stdout);
        Assert.Contains("--select <CODES>", project.Run("check", "--help").Stdout);
    }

    [Fact]
    public void Config_ReadsTheNamedFile_AndExtendSelect_AddsToItsSelect()
    {
        using var project = TempProject.FromFixture("parity/01-minimal/app");
        project.Write("../shared.toml", "[tool.connect-lint]\nselect = [\"CL3\"]\n");

        var settings = project.Run("check", "project", "--no-python", "--config", "shared.toml", "--extend-select", "CL1001", "--show-settings");
        var run = project.Run("check", "project", "--no-python", "--config", "shared.toml", "--extend-select", "CL1001");

        Assert.Contains("  config file             shared.toml\n  select                  CL3  [[tool.connect-lint] select]\n" +
                        "  extend-select           CL1001  [--extend-select]\n", settings.Stdout);
        Assert.Contains(" error CL1001 ", run.Stdout);
        Assert.DoesNotContain(" CL4", run.Stdout);
        Assert.Equal(1, run.ExitCode);
    }

    [Fact]
    public void Config_ThatIsMissingOrHasNoTable_IsAUsageError()
    {
        using var project = TempProject.FromFixture("parity/01-minimal/app");

        var missing = project.Run("check", "project", "--no-python", "--config", "nope.toml");
        var tableless = project.Run("check", "project", "--no-python", "--config", "project/requirements.txt");

        Assert.Equal(2, missing.ExitCode);
        Assert.Equal("connect-lint: error: nope.toml:1:1: [tool.connect-lint] (file): not read: it does not exist\n", missing.Stderr);
        Assert.Equal(2, tableless.ExitCode);
        Assert.Contains("has no [tool.connect-lint] table", tableless.Stderr);
    }

    [Fact]
    public void ExtendSelect_WithAnUnknownCode_IsAUsageError()
    {
        using var project = TempProject.FromFixture("parity/01-minimal/app");

        var run = project.Run("check", "project", "--no-python", "--extend-select", "CL99");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("unknown rule selector CL99", run.Stderr);
    }

    [Fact]
    public void CacheDir_IsWhereTheCacheGoes_ForThatCommandOnly()
    {
        using var project = TempProject.FromFixture("parity/01-minimal/app");
        File.Copy(Path.Combine(Fixtures.Root, "parity", "01-minimal", "expected-manifest.json"), project.PathOf("manifest.json"));
        var cache = project.PathOf("../cache");

        var run = project.Run("check", "project", "--python", TestPython.Path, "--cache-dir", cache);
        var cleaned = project.Run("clean", "--cache-dir", cache);

        Assert.True(run.ExitCode is 0 or 1, run.Stderr);
        Assert.Contains(Path.GetFullPath(cache), cleaned.Stderr);
        Assert.False(Directory.Exists(cache) && Directory.EnumerateFileSystemEntries(cache).Any());
    }

    [Fact]
    public void AddNoqa_CommentsEachFindingsLine_LeavesStringsAlone_AndIsIdempotent()
    {
        using var project = TempProject.FromFixture("parity/01-minimal/app");
        project.Write("app.py", BrokenApp);
        project.Write("requirements.txt", "flask==2.2.2\nrequests==2.0.0+local\n");
        Assert.Equal(0, project.Run("write-manifest", "project", "--python", TestPython.Path, "-o").ExitCode);

        var added = project.Run("check", "project", "--python", TestPython.Path, "--add-noqa");
        var afterwards = project.Read("app.py");
        var again = project.Run("check", "project", "--python", TestPython.Path, "--add-noqa");

        Assert.Contains("added 3 noqa comments to 2 files (3 findings)", added.Stderr);
        Assert.Equal(
            "from flask import Flask\n" +
            "\n" +
            "app = Flask(__name__)\n" +
            "app.secret_key = \"hardcoded-secret-1234567890\"  # noqa: CL5002\n" +
            "NOTES = \"\"\"\n" +
            "app.run(debug=True)\n" +
            "\"\"\"\n" +
            "app.run(debug=True)  # noqa: CL5001, CL2006\n", afterwards);
        Assert.Equal("flask==2.2.2\nrequests==2.0.0+local  # noqa: CL3005\n", project.Read("requirements.txt"));
        // The files changed, so the manifest's checksums did: the same run says so (and --fix refreshes them).
        Assert.Contains(" warning CL1007 ", added.Stdout);
        Assert.DoesNotContain(" CL2006 ", added.Stdout);
        Assert.Equal(afterwards, project.Read("app.py"));
        Assert.Contains("no noqa comment to add", again.Stderr);
        Assert.Equal(0, project.Run("check", "project", "--python", TestPython.Path, "--fix").ExitCode);
    }

    [Fact]
    public void AddNoqa_DoesNotCombineWithFix()
    {
        using var project = TempProject.FromFixture("parity/01-minimal/app");

        var run = project.Run("check", "project", "--add-noqa", "--fix");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--add-noqa writes comments into the work tree's files once", run.Stderr);
    }

    [Theory]
    [InlineData("check --select CL1001,CL20", "CL1001,CL2001")]
    [InlineData("explain CL40", "CL4001")]
    [InlineData("check --output-format js", "json-lines")]
    public void BashCompletion_CompletesRuleCodesAndFormats(string line, string offered)
    {
        using var project = TempProject.Empty();
        var script = project.PathOf("completion.bash");
        File.WriteAllText(script, project.Run("completion", "bash").Stdout);
        var words = ("connect-lint " + line).Split(' ');

        var start = new ProcessStartInfo("bash", ["--noprofile", "--norc", "-c",
            $"source {script}; COMP_WORDS=({string.Join(' ', words)}); COMP_CWORD={words.Length - 1}; _connect_lint; printf '%s\\n' \"${{COMPREPLY[@]}}\""])
        { RedirectStandardOutput = true, WorkingDirectory = project.Directory };
        using var bash = Process.Start(start)!;
        var replies = bash.StandardOutput.ReadToEnd().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        bash.WaitForExit();

        Assert.Contains(offered, replies);
    }
}
