using System.Diagnostics;
using System.Text.Json.Nodes;
using System.Xml.Linq;
using Xunit;

namespace Connect.Lint.Tests;

/// <summary>The report formats and switches ruff users reach for: each says the same problems its own way.</summary>
public sealed class OutputFormatTests
{
    /// <summary>Stale checksums (safely fixable), a wrong appmode and an unlisted file: the reporting tests' project.</summary>
    private static TempProject Stale() => ReportingTests.ManyProblems();

    private static CliRun Check(TempProject project, params string[] options) =>
        project.Run(["check", "project", "--python", TestPython.Path, .. options]);

    private static int ProblemCount(TempProject project) =>
        JsonNode.Parse(Check(project, "--output-format", "json").Stdout)!["diagnostics"]!.AsArray().Count;

    [Fact]
    public void Concise_IsTheDiagnosticLinesAndOneCount()
    {
        using var project = Stale();
        var lines = Check(project, "--output-format", "concise").Stdout.TrimEnd('\n').Split('\n');

        Assert.Equal(ProblemCount(project), lines.Length - 1);
        Assert.All(lines[..^1], l => Assert.Matches(@"^project/.+:\d+:\d+: (error|warning|note) CL\d{4} ", l));
        Assert.Equal($"Found {lines.Length - 1} problems.", lines[^1]);
    }

    [Fact]
    public void JsonLines_IsOneDiagnosticObjectPerLine()
    {
        using var project = Stale();
        var lines = Check(project, "--output-format", "json-lines").Stdout.TrimEnd('\n').Split('\n');

        Assert.Equal(ProblemCount(project), lines.Length);
        Assert.All(lines, l => Assert.Matches("^CL\\d{4}$", (string)JsonNode.Parse(l)!["code"]!));
    }

    [Fact]
    public void GitLab_IsCodeQualityJson()
    {
        using var project = Stale();
        var issues = JsonNode.Parse(Check(project, "--output-format", "gitlab").Stdout)!.AsArray();

        Assert.Equal(ProblemCount(project), issues.Count);
        Assert.All(issues, issue =>
        {
            Assert.StartsWith((string)issue!["check_name"]!, (string)issue["description"]!);
            Assert.Contains((string)issue["severity"]!, new[] { "info", "minor", "major", "critical", "blocker" });
            Assert.Matches("^[0-9a-f]{32}$", (string)issue["fingerprint"]!);
            Assert.StartsWith("project/", (string)issue["location"]!["path"]!);
            Assert.True((int)issue["location"]!["lines"]!["begin"]! >= 1);
        });
        Assert.Equal(issues.Count, issues.Select(i => (string)i!["fingerprint"]!).Distinct().Count());
    }

    [Fact]
    public void JUnit_HasAFailedCasePerDiagnostic_AndAPassingCaseWhenClean()
    {
        using var project = Stale();
        var report = XDocument.Parse(Check(project, "--output-format", "junit").Stdout);
        var failures = report.Descendants("testcase").Where(c => c.Element("failure") is not null).ToList();

        Assert.Equal(ProblemCount(project), failures.Count);
        Assert.All(failures, f => Assert.Matches("^CL\\d{4}$", (string)f.Element("failure")!.Attribute("type")!));

        Check(project, "--fix", "--unsafe-fixes");
        var clean = XDocument.Parse(Check(project, "--output-format", "junit", "--select", "CL10").Stdout);
        Assert.Single(clean.Descendants("testcase"));
        Assert.Empty(clean.Descendants("failure"));
    }

    [Fact]
    public void Format_StaysAnAliasOfOutputFormat()
    {
        using var project = Stale();
        Assert.Equal(Check(project, "--output-format", "json").Stdout, Check(project, "--format", "json").Stdout);
    }

    [Fact]
    public void Statistics_CountsPerRule_MostFirst()
    {
        using var project = Stale();
        var run = Check(project, "--statistics");
        var lines = run.Stdout.TrimEnd('\n').Split('\n');

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("1\tCL1007\t[*] manifest-checksum-stale", lines);
        Assert.Contains("1\tCL2008\t[ ] url-rule-conflict", lines);
        Assert.Equal($"Found {ProblemCount(project)} problems.", lines[^1]);
        var json = JsonNode.Parse(Check(project, "--statistics", "--output-format", "json").Stdout)!.AsArray();
        Assert.Equal(ProblemCount(project), json.Sum(c => (int)c!["count"]!));
    }

    [Fact]
    public void ShowFixes_ListsWhatFixSettled_PerFileAndRule()
    {
        using var project = Stale();

        var preview = Check(project, "--show-fixes");
        var run = Check(project, "--fix", "--show-fixes");

        Assert.Contains("Would fix ", preview.Stdout);
        Assert.Contains("Fixed ", run.Stdout);
        Assert.Matches(@"\nFixed 3 problems:\n- project/manifest\.json:\n(    1 × CL\d{4} .*\n)*    1 × CL1007 \(manifest-checksum-stale\): Update the checksum of 'app\.py'\n", run.Stdout);
    }

    [Fact]
    public void Quiet_PrintsTheProblemsAndNothingElse()
    {
        using var project = Stale();
        var run = Check(project, "-q");

        Assert.Equal(string.Empty, run.Stderr);
        Assert.All(run.Stdout.TrimEnd('\n').Split('\n'), l => Assert.Matches(@"^project/.+:\d+:\d+: (error|warning|note) CL\d{4} ", l));
    }

    [Fact]
    public void Verbose_SaysWhatWasChecked()
    {
        using var project = Stale();
        var run = Check(project, "-v");

        Assert.Matches(@"connect-lint: project: \d+ deployable files, \d+ rules enabled, \d+ problems, checked in \d+ ms", run.Stderr);
    }

    [Fact]
    public void Colour_OnlyWhenAskedOrOnATerminal_AndNeverInMachineFormats()
    {
        using var project = Stale();
        string[] check = ["check", "project", "--python", TestPython.Path, "--no-cache"];

        var forced = ToolProcess.RunWithEnvironment(project.Root, check, new Dictionary<string, string?> { ["FORCE_COLOR"] = "1", ["NO_COLOR"] = null });
        var refused = ToolProcess.RunWithEnvironment(project.Root, check, new Dictionary<string, string?> { ["FORCE_COLOR"] = "1", ["NO_COLOR"] = "1" });
        var piped = ToolProcess.RunWithEnvironment(project.Root, check, new Dictionary<string, string?> { ["FORCE_COLOR"] = null, ["NO_COLOR"] = null });
        var json = ToolProcess.RunWithEnvironment(project.Root, [.. check, "--output-format", "json"], new Dictionary<string, string?> { ["FORCE_COLOR"] = "1" });

        Assert.Contains("\u001b[1mproject/manifest.json\u001b[0m:", forced.Stdout);
        Assert.Contains("\u001b[33mwarning\u001b[0m", forced.Stdout);
        Assert.DoesNotContain('\u001b', refused.Stdout);
        Assert.DoesNotContain('\u001b', piped.Stdout);
        Assert.DoesNotContain('\u001b', json.Stdout);
    }

    /// <summary>A terminal (util-linux's script gives the run a pseudo-terminal) sees a status line during a slow import, erased before the report.</summary>
    [Fact]
    public async Task Progress_OnATerminal_ForSlowWork_ErasedBeforeTheReport()
    {
        using var project = TempProject.FromFixture("parity/01-minimal/app");
        project.Write("app.py", "import time\ntime.sleep(1.5)\n" + project.Read("app.py"));
        var tool = $"dotnet {Path.Combine(AppContext.BaseDirectory, "connect-lint.dll")} check project --python {TestPython.Path} --no-cache --select CL2";
        var start = new ProcessStartInfo("script", ["-qec", tool, "/dev/null"]) { WorkingDirectory = project.Root, RedirectStandardOutput = true };
        using var process = Process.Start(start)!;
        var terminal = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();

        Assert.Contains("\r\u001b[Kconnect-lint: checking project: importing the app of project (1s)", terminal);
        Assert.Contains("\r\u001b[Kconnect-lint: project: Python", terminal);
        var piped = project.Run("check", "project", "--python", TestPython.Path, "--no-cache", "--select", "CL2");
        Assert.DoesNotContain("checking project", piped.Stderr);
    }

    [Fact]
    public void Completion_ForBash_CompletesOptionsAndTheirValues()
    {
        using var project = TempProject.Empty();
        var script = project.Run("completion", "bash").Stdout;
        File.WriteAllText(project.PathOf("completion.bash"), script);
        var probe = "source completion.bash; COMP_WORDS=(connect-lint check --output-format j); COMP_CWORD=3; _connect_lint; echo \"${COMPREPLY[*]}\"; " +
                    "COMP_WORDS=(connect-lint check --unsafe); COMP_CWORD=2; _connect_lint; echo \"${COMPREPLY[*]}\"";
        var start = new ProcessStartInfo("bash", ["-c", probe]) { WorkingDirectory = project.Directory, RedirectStandardOutput = true };
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();

        Assert.Equal("json json-lines junit\n--unsafe-fixes\n", output);
    }

    [Fact]
    public void Help_SaysWhereSettingsComeFrom()
    {
        using var project = TempProject.Empty();
        Assert.Contains("[tool.connect-lint] in the nearest pyproject.toml", project.Run("--help").Stdout);
        Assert.Contains("[tool.connect-lint] in pyproject.toml", project.Run("check", "--help").Stdout);
    }
}
