using System.Text.Json.Nodes;
using Xunit;

namespace Connect.Lint.Tests;

/// <summary>
/// A secret planted in every kind of input (requirements, sources, an exception, a module name, a file name,
/// committed secret files) must appear in no output: no format, no stream, no report file, no diff.
/// </summary>
public sealed class SecretLeakTests
{
    /// <summary>The fragment both planted secrets share: no byte of output may contain it.</summary>
    private const string Fragment = "Pl4nted";

    private const string Password = "Pl4ntedPassw0rd";

    private const string Token = "ghp_Pl4ntedT0kenPl4ntedT0kenPl4ntedT0ken";

    /// <summary>Two deployments in one Git repository, each planting the secrets where a rule echoes its input.</summary>
    private static TempProject PlantedProject()
    {
        var project = TempProject.Empty();
        project.Write("raises/app.py", $$"""
            from flask import Flask

            DATABASE_URL = "postgresql://app:{{Password}}@db.internal/app"
            raise RuntimeError("cannot reach postgresql://app:{{Password}}@db.internal/app as {{Token}}")
            app = Flask(__name__)
            """);
        project.Write("raises/requirements.txt", $"""
            --extra-index-url https://alice:{Password}@pypi.example.com/simple
            flask==2.2.2
            broken {Token} ==
            privpkg @ https://alice:{Password}@files.example.com/privpkg-1.0-py3-none-any.whl
            """);
        project.Write("missing/app.py", $"import {Token}\nfrom flask import Flask\n\napp = Flask(__name__)\n");
        project.Write("missing/requirements.txt", "flask==2.2.2\n");
        foreach (var deployment in new[] { "raises", "missing" })
        {
            var written = project.Run("write-manifest", $"project/{deployment}", "--python", TestPython.Path, "-e", "app:app");
            Assert.True(written.ExitCode == 0, written.Stderr);
        }

        project.Write($"raises/notes-{Token}.txt", "unlisted on purpose\n");
        project.Write("raises/.env", $"API_TOKEN={Password}\n");
        project.Write("raises/.netrc", $"machine pypi.example.com login alice password {Password}\n");
        TestGit.Run(project.Directory, "init", "-q");
        TestGit.Run(project.Directory, "add", "-f", ".");
        TestGit.Commit(project.Directory);
        return project;
    }

    [Fact]
    public void PlantedSecret_AppearsInNoOutputFormat()
    {
        using var project = PlantedProject();
        var outputs = new List<(string What, string Text)>();
        foreach (var format in new[] { "text", "json", "sarif", "github" })
        {
            var run = project.Run("check", "project", "--python", TestPython.Path, "--format", format);
            Assert.Equal(1, run.ExitCode);
            outputs.Add(($"check --format {format} (stdout)", run.Stdout));
            outputs.Add(($"check --format {format} (stderr)", run.Stderr));
        }

        var toFile = project.Run("check", "project", "--python", TestPython.Path, "--format", "sarif", "--output", "report.sarif");
        outputs.Add(("check --output report.sarif", File.ReadAllText(Path.Combine(project.Root, "report.sarif"))));
        outputs.Add(("check --output (stderr)", toFile.Stderr));
        var diff = project.Run("check", "project", "--python", TestPython.Path, "--diff", "--unsafe-fixes");
        outputs.Add(("check --diff", diff.Stdout + diff.Stderr));
        foreach (var format in new[] { "text", "json" })
        {
            var inspect = project.Run("inspect", "project/raises", "--python", TestPython.Path, "--format", format);
            outputs.Add(($"inspect --format {format}", inspect.Stdout + inspect.Stderr));
        }

        var rewrite = project.Run("write-manifest", "project/raises", "--python", TestPython.Path, "--overwrite");
        outputs.Add(("write-manifest", rewrite.Stdout + rewrite.Stderr));

        // The planted inputs did reach every rule family that echoes input: the test would prove nothing otherwise.
        var json = JsonNode.Parse(outputs.Single(o => o.What == "check --format json (stdout)").Text)!;
        var codes = json["diagnostics"]!.AsArray().Select(d => (string)d!["code"]!).ToHashSet();
        Assert.Superset(new HashSet<string> { "CL1008", "CL2002", "CL3002", "CL3003", "CL3009", "CL4002", "CL5004", "CL9002" }, codes);

        Assert.All(outputs, output => Assert.False(output.Text.Contains(Fragment, StringComparison.Ordinal),
            $"{output.What} leaks the planted secret:\n{string.Join('\n', output.Text.Split('\n').Where(l => l.Contains(Fragment, StringComparison.Ordinal)))}"));
    }

    [Fact]
    public void FixEditsThatWouldCarryASecret_AreLeftOutOfReports_ButStillApplied()
    {
        using var project = TempProject.Empty();
        project.Write("app.py", "from flask import Flask\n\napp = Flask(__name__)\n");
        project.Write("requirements.txt", $"flask==2.2.2\npywin32 @ https://alice:{Password}@files.example.com/pywin32-306-cp311-cp311-win_amd64.whl\n");
        var sarif = project.Run("check", "project", "--no-python", "--select", "CL3006,CL3009", "--format", "sarif");

        Assert.DoesNotContain(Fragment, sarif.Stdout, StringComparison.Ordinal);
        var fix = project.Run("check", "project", "--no-python", "--select", "CL3006", "--fix");
        Assert.Equal(0, fix.ExitCode);
        Assert.Contains($"{Password}@files.example.com/pywin32-306-cp311-cp311-win_amd64.whl ; sys_platform == \"win32\"", project.Read("requirements.txt"));
    }

    /// <summary>
    /// Redaction works on fields before they are formatted: the rules about secrets (CL3009, CL4002, CL5002) keep
    /// well-formed GitHub annotations (the mask once ate the '::' after "hardcoded-secret-key"), a location in a
    /// secret-named file keeps its ':line:col:', and a URL glued to an option (-ihttps://…, --index-url=…) is
    /// recognised, reported and masked.
    /// </summary>
    [Fact]
    public void FormatSyntax_IsNeverRedacted_AndGluedIndexUrlsAreCaught()
    {
        using var project = TempProject.Empty();
        project.Write("app.py", "from flask import Flask\nfrom secret_settings import SECRET_KEY\n\napp = Flask(__name__)\napp.secret_key = SECRET_KEY\n");
        project.Write("secret_settings.py", $"SECRET_KEY = \"{Password}-key\"\n");
        project.Write("requirements.txt", $"-ihttps://alice:{Password}@pypi.example.com/simple\n--extra-index-url=https://bob:{Password}@mirror.example.com/simple\n-fhttps://carol:{Password}@wheels.example.com/\nflask==2.2.2\n");
        Assert.Equal(0, project.Run("write-manifest", "project", "--python", TestPython.Path, "-e", "app:app").ExitCode);
        project.Write(".env", $"API_TOKEN={Password}\n");
        TestGit.Run(project.Directory, "init", "-q");
        TestGit.Run(project.Directory, "add", "-f", ".");
        TestGit.Commit(project.Directory);

        var github = project.Run("check", "project", "--no-python", "--format", "github");
        var annotations = github.Stdout.TrimEnd('\n').Split('\n');
        Assert.All(annotations, line => Assert.Matches(@"^::(error|warning|notice) file=[^,:]+(,line=\d+,col=\d+,endLine=\d+,endColumn=\d+)?,title=CL\d{4} [a-z-]+::[^:].*$", line));
        var titles = annotations.Select(l => l[(l.IndexOf("title=", StringComparison.Ordinal) + 6)..l.IndexOf("::", 2, StringComparison.Ordinal)]).ToList();
        Assert.Equal(3, titles.Count(t => t == "CL3009 index-credentials"));
        Assert.Contains("CL4002 secret-in-deployment", titles);
        Assert.Contains("CL5002 hardcoded-secret-key", titles);

        var text = project.Run("check", "project", "--no-python");
        Assert.Contains(text.Stdout.Split('\n'), l => l.StartsWith("project/secret_settings.py:1:14: warning CL5002 ", StringComparison.Ordinal));
        Assert.Contains(text.Stdout.Split('\n'), l => l.StartsWith("project/requirements.txt:1:3: error CL3009 -i carries credentials", StringComparison.Ordinal));
        foreach (var output in new[] { github, text, project.Run("check", "project", "--no-python", "--format", "json"), project.Run("check", "project", "--no-python", "--format", "sarif") })
        {
            Assert.DoesNotContain(Fragment, output.Stdout + output.Stderr, StringComparison.Ordinal);
        }
    }
}
