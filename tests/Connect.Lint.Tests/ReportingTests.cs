using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Connect.Lint.Rules;
using NJsonSchema;
using Snapshooter.Xunit;
using Xunit;

namespace Connect.Lint.Tests;

/// <summary>SARIF for code scanning, GitHub annotations and the problem matcher, on one fixture with many kinds of problems.</summary>
public sealed class ReportingTests
{
    /// <summary>A project with problems of several rules and fix kinds (safe checksum edits, files regeneration, appmode).</summary>
    internal static TempProject ManyProblems()
    {
        var project = TempProject.FromFixture("python/routes-and-blueprints");
        var written = project.Run("write-manifest", "project", "--python", TestPython.Path, "-e", "app");
        Assert.Equal(0, written.ExitCode);
        project.Write("manifest.json", project.Read("manifest.json").Replace("\"python-api\"", "\"python-fastapi\""));
        project.Write("helpers.py", "X = 1\n");
        project.Write("app.py", project.Read("app.py") + "\n# edited\n");
        return project;
    }

    private static CliRun Check(TempProject project, string format) =>
        project.Run("check", "project", "--python", TestPython.Path, "--format", format);

    [Fact]
    public async Task Sarif_ValidatesAgainstTheOfficialSchema()
    {
        using var project = ManyProblems();
        var sarif = Check(project, "sarif").Stdout;

        var schema = await JsonSchema.FromFileAsync(Path.Combine(AppContext.BaseDirectory, "sarif-2.1.0.json"));
        var errors = schema.Validate(sarif);

        Assert.Empty(errors.Select(e => $"{e.Path}: {e.Kind} {e}"));
    }

    [Fact]
    public void Sarif_RulesResultsUrisAndFixes_AreWhatCodeScanningReads()
    {
        using var project = ManyProblems();
        var run = JsonNode.Parse(Check(project, "sarif").Stdout)!["runs"]![0]!;
        var rules = run["tool"]!["driver"]!["rules"]!.AsArray();
        var ruleIds = rules.Select(r => (string)r!["id"]!).ToList();
        var results = run["results"]!.AsArray();

        Assert.Equal(RuleCatalog.All.Select(r => r.Descriptor.Id), ruleIds);
        Assert.True(results.Count >= 4);
        foreach (var result in results)
        {
            var id = (string)result!["ruleId"]!;
            Assert.Equal(ruleIds.IndexOf(id), (int)result["ruleIndex"]!);
            var location = result["locations"]![0]!["physicalLocation"]!["artifactLocation"]!;
            Assert.Equal("%SRCROOT%", (string)location["uriBaseId"]!);
            Assert.False(Path.IsPathRooted((string)location["uri"]!));
            Assert.True(result["fixes"] is null || result["fixes"]!.AsArray().Count > 0, "empty fixes must not appear");
        }

        foreach (var (rule, descriptor) in rules.Zip(RuleCatalog.All.Select(r => r.Descriptor)))
        {
            Assert.NotNull(rule!["help"]!["markdown"]);
            Assert.Equal(descriptor.SecuritySeverity is not null, rule["properties"]!["security-severity"] is not null);
        }

        Assert.Contains(results, r => r!["fixes"] is not null);
    }

    [Fact]
    public void Sarif_IsStable()
    {
        using var project = ManyProblems();
        Assert.Equal(Check(project, "sarif").Stdout, Check(project, "sarif").Stdout);
    }

    [Fact]
    public void Snapshot_SarifResults()
    {
        using var project = ManyProblems();
        var run = JsonNode.Parse(Check(project, "sarif").Stdout)!["runs"]![0]!;
        var results = run["results"]!.ToJsonString(new JsonSerializerOptions { WriteIndented = true });
        Snapshot.Match(results);
    }

    [Fact]
    public void Snapshot_GitHub()
    {
        using var project = ManyProblems();
        var run = Check(project, "github");
        Assert.Equal(1, run.ExitCode);
        Snapshot.Match(run.Stdout);
    }

    [Fact]
    public void Snapshot_Text()
    {
        using var project = ManyProblems();
        Snapshot.Match(Check(project, "text").Stdout);
    }

    [Theory]
    [InlineData("100%\r\nsure", "100%25%0D%0Asure")]
    public void GitHub_EscapesMessageData(string raw, string escaped) =>
        Assert.Equal(escaped, Reporting.GitHubReporter.Data(raw));

    [Fact]
    public void GitHub_EscapesPropertyValues() =>
        Assert.Equal("a%3Ab%2Cc%25", Reporting.GitHubReporter.Property("a:b,c%"));

    [Fact]
    public void ProblemMatcher_MatchesEveryTextLine()
    {
        using var project = ManyProblems();
        var matcher = JsonNode.Parse(File.ReadAllText(Path.Combine(Fixtures.RepositoryRoot, ".github", "connect-lint-problem-matcher.json")))!;
        var pattern = matcher["problemMatcher"]![0]!["pattern"]![0]!;
        var regex = new Regex((string)pattern["regexp"]!);
        var lines = Check(project, "text").Stdout.Split('\n').Where(l => l.Contains(" CL")).ToList();

        Assert.NotEmpty(lines);
        foreach (var line in lines)
        {
            var match = regex.Match(line);
            Assert.True(match.Success, line);
            Assert.StartsWith("project/", match.Groups[(int)pattern["file"]!].Value);
            Assert.Matches("^CL\\d{4}$", match.Groups[(int)pattern["code"]!].Value);
            Assert.Contains(match.Groups[(int)pattern["severity"]!].Value, new[] { "error", "warning", "note" });
        }
    }
}
