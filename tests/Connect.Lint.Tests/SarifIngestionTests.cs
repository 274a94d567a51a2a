using System.Diagnostics;
using System.Text.Json.Nodes;
using Connect.Lint.Rules;
using Xunit;

namespace Connect.Lint.Tests;

/// <summary>
/// What GitHub code scanning needs of an uploaded SARIF file beyond the schema: a level on every result, fingerprints
/// that survive lines moving, no local absolute paths, a security-severity on every security rule — and the SARIF
/// Multitool's own SARIF and GitHub ingestion rules (npm's @microsoft/sarif-multitool, installed by .ci/run).
/// </summary>
public sealed class SarifIngestionTests
{
    private static TempProject ManyProblems()
    {
        var project = TempProject.FromFixture("python/routes-and-blueprints");
        Assert.Equal(0, project.Run("write-manifest", "project", "--python", TestPython.Path, "-e", "app").ExitCode);
        project.Write("manifest.json", project.Read("manifest.json").Replace("\"python-api\"", "\"python-fastapi\""));
        project.Write("app.py", project.Read("app.py") + "\napp.config['SECRET_KEY'] = 'hard-coded-secret-value'\n");
        project.Write("templates/index.html", "<link href=\"/static/site.css\">\n");
        return project;
    }

    private static string Sarif(TempProject project) =>
        project.Run("check", "project", "--python", TestPython.Path, "--format", "sarif", "--no-cache").Stdout;

    private static JsonArray Results(string sarif) => JsonNode.Parse(sarif)!["runs"]![0]!["results"]!.AsArray();

    [Fact]
    public void EveryResult_AndEveryRule_StatesItsLevel()
    {
        using var project = ManyProblems();
        var run = JsonNode.Parse(Sarif(project))!["runs"]![0]!;

        Assert.Contains(Results(run.Root.ToJsonString()), r => (string?)r!["level"] == "warning");
        Assert.All(run["results"]!.AsArray(), r => Assert.Contains((string?)r!["level"], new[] { "error", "warning", "note" }));
        Assert.All(run["tool"]!["driver"]!["rules"]!.AsArray(), r => Assert.NotNull(r!["defaultConfiguration"]!["level"]));
    }

    [Fact]
    public void Fingerprints_SurviveLinesMoving_AndTellResultsApart()
    {
        using var project = ManyProblems();
        var before = Results(Sarif(project));
        project.Write("app.py", "# a comment\n# and another, above everything\n" + project.Read("app.py"));
        var after = Results(Sarif(project));

        static Dictionary<string, string> ByIdentity(JsonArray results) => results.ToDictionary(
            r => (string)r!["partialFingerprints"]!["connectLint/v1"]!,
            r => $"{r!["ruleId"]} {r["locations"]![0]!["physicalLocation"]!["artifactLocation"]!["uri"]}");

        var moved = after.Where(r => (string)r!["locations"]![0]!["physicalLocation"]!["artifactLocation"]!["uri"]! == "project/app.py"
                                     && (int?)r["locations"]![0]!["physicalLocation"]!["region"]?["startLine"] is > 2).ToList();
        Assert.NotEmpty(moved);
        var beforeByFingerprint = ByIdentity(before);
        Assert.Equal(before.Count, beforeByFingerprint.Count); // distinct per result
        foreach (var result in moved)
        {
            Assert.True(beforeByFingerprint.ContainsKey((string)result!["partialFingerprints"]!["connectLint/v1"]!), $"{result["ruleId"]} lost its identity when its line moved");
        }
    }

    [Fact]
    public void NoLocalAbsolutePath_IsWritten()
    {
        using var project = ManyProblems();
        var sarif = Sarif(project);

        Assert.DoesNotContain(project.Root, sarif);
        Assert.DoesNotMatch("\"uri\": \"file:", sarif);
        var home = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
        Assert.DoesNotContain($"\"{home}/", sarif);
        var root = JsonNode.Parse(sarif)!["runs"]![0]!["originalUriBaseIds"]!["%SRCROOT%"]!;
        Assert.Null(root["uri"]);
    }

    [Fact]
    public void EverySecurityRule_HasASecuritySeverity()
    {
        foreach (var descriptor in RuleCatalog.All.Select(r => r.Descriptor).Where(d => d.Tags.Contains("security")))
        {
            Assert.True(descriptor.SecuritySeverity is > 0 and <= 10, $"{descriptor.Id} is tagged security without a security-severity");
        }

        Assert.NotNull(RuleCatalog.All.Single(r => r.Descriptor.Id == "CL5003").Descriptor.SecuritySeverity);
    }

    /// <summary>The SARIF Multitool's validation with its SARIF and GitHub (GHAS ingestion) rules: no error.</summary>
    [Fact]
    public async Task SarifMultitool_FindsNoErrors_WithItsSarifAndGitHubRules()
    {
        var multitool = Environment.GetEnvironmentVariable("CONNECT_LINT_SARIF_MULTITOOL");
        if (string.IsNullOrEmpty(multitool) || !File.Exists(multitool))
        {
            Assert.True(Environment.GetEnvironmentVariable("CI") is null,
                "CONNECT_LINT_SARIF_MULTITOOL does not name the SARIF Multitool: .ci/run installs it (npm @microsoft/sarif-multitool)");
            return;
        }

        using var project = ManyProblems();
        var input = project.PathOf("../report.sarif");
        File.WriteAllText(input, Sarif(project));
        var start = new ProcessStartInfo(multitool, ["validate", input, "--rule-kind", "Gh;Sarif", "-o", project.PathOf("../validation.sarif"), "--log", "ForceOverwrite"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        var output = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();

        Assert.True(process.ExitCode == 0, output + await stderr);
        Assert.DoesNotContain(": error ", output);
    }
}
