using Xunit;

namespace Connect.Lint.Tests;

/// <summary>Every bad option value ends with exit 2 and one line naming the option and the reason — never an internal error.</summary>
public sealed class UsageErrorTests
{
    [Theory]
    [InlineData("--import-timeout", "0", "--import-timeout 0: must be a number of seconds above 0 and at most 3600")]
    [InlineData("--import-timeout", "-1", "--import-timeout -1: must be a number of seconds above 0 and at most 3600")]
    [InlineData("--import-timeout", "1e308", "--import-timeout 1E+308: must be a number of seconds above 0 and at most 3600")]
    [InlineData("--import-timeout", "99999999999", "--import-timeout 99999999999: must be a number of seconds above 0 and at most 3600")]
    [InlineData("-x", "[", null)]
    [InlineData("-x", "[z-a]", "--exclude '[z-a]': not a valid pattern")]
    [InlineData("-o", "/nonexistent/x", "--output /nonexistent/x: its directory does not exist")]
    [InlineData("-o", ".", "--output .: is a directory; name a file")]
    [InlineData("-o", "", "--output: the file name is empty")]
    [InlineData("-o", "/dev/null", "--output /dev/null: is not a regular file (a FIFO, socket or device); name a file")]
    [InlineData("--python", "", "--python: the interpreter's path is empty")]
    public void BadOptionValue_IsAUsageError(string option, string value, string? message)
    {
        using var project = TempProject.FromFixture("parity/01-minimal/app");

        var run = project.Run("check", "project", "--no-python", option, value);

        if (message is null)
        {
            // "[" is a literal bracket for fnmatch: a valid pattern, not an internal error.
            Assert.True(run.ExitCode is 0 or 1, run.Stderr);
            return;
        }

        Assert.Equal(2, run.ExitCode);
        var lines = run.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Single(lines);
        Assert.StartsWith($"connect-lint: error: {message}", lines[0]);
    }

    [Theory]
    [InlineData("check --fixx", "unknown option '--fixx' for 'connect-lint check'; did you mean '--fix'?")]
    [InlineData("check --unsafe", "unknown option '--unsafe' for 'connect-lint check'; did you mean '--unsafe-fixes'?")]
    [InlineData("check --selct CL1", "unknown option '--selct' for 'connect-lint check'; did you mean '--select'?")]
    [InlineData("write-manifest --overwrit", "unknown option '--overwrit' for 'connect-lint write-manifest'; did you mean '--overwrite'?")]
    [InlineData("inspect --fix", "unknown option '--fix' for 'connect-lint inspect'; it is an option of 'connect-lint check'")]
    [InlineData("rules --fixx", "unknown option '--fixx' for 'connect-lint rules'")]
    [InlineData("chekc", "unknown command 'chekc'; did you mean 'check'?")]
    [InlineData("check --format=jsn", "--format: 'jsn' is not one of text, concise, json, json-lines, sarif, github, gitlab, junit; did you mean 'json'?")]
    [InlineData("check --output-format junitt", "--output-format: 'junitt' is not one of text, concise, json, json-lines, sarif, github, gitlab, junit; did you mean 'junit'?")]
    public void MistypedOption_IsAUsageError_WithTheNearestOne(string commandLine, string message)
    {
        using var project = TempProject.FromFixture("parity/01-minimal/app");

        var run = project.Run(commandLine.Split(' '));

        Assert.Equal(2, run.ExitCode);
        Assert.Equal($"connect-lint: error: {message}\nRun 'connect-lint --help' for usage.\n", run.Stderr);
        Assert.Equal(string.Empty, run.Stdout);
    }

    [Fact]
    public void OptionLikePath_AfterDoubleDash_IsAPath()
    {
        using var project = TempProject.FromFixture("parity/01-minimal/app");

        var run = project.Run("check", "--", "--fixx");

        Assert.Equal(2, run.ExitCode);
        Assert.StartsWith("connect-lint: error: --fixx: no such file or directory", run.Stderr);
    }

    [Fact]
    public void EmptyPath_IsAUsageError()
    {
        using var project = TempProject.FromFixture("parity/01-minimal/app");

        var run = project.Run("check", "");

        Assert.Equal(2, run.ExitCode);
        Assert.Equal("connect-lint: error: PATH '': an empty path names nothing (use '.' for the current directory)\n", run.Stderr);
    }

    [Theory]
    [InlineData(100)]
    [InlineData(100_000)]
    public void DeeplyNestedPyprojectValue_IsAConfigurationError(int depth)
    {
        using var project = TempProject.FromFixture("parity/01-minimal/app");
        project.Write("pyproject.toml", "[tool.connect-lint]\nselect = " + new string('[', depth) + "\"CL1\"" + new string(']', depth) + "\n");

        var run = project.Run("check", "project", "--no-python");

        Assert.Equal(2, run.ExitCode);
        Assert.Equal($"connect-lint: error: {Path.Combine("project", "pyproject.toml")}:2:70: [tool.connect-lint] (file): values are nested more than 60 levels deep\n", run.Stderr);
    }
}
