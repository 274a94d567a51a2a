using Connect.Lint.Loading;
using Connect.Lint.Pipeline;
using Connect.Lint.Rules.Model;
using Connect.Lint.Settings;
using Connect.Lint.Tests.RuleTests;
using Xunit;

namespace Connect.Lint.Tests;

/// <summary>The rule tests' in-memory deployments and the loader's are made by one assembler: for the same files they agree.</summary>
public sealed class AssemblerTests
{
    private static readonly (string Path, string Text)[] Files =
    [
        ("app.py", "from flask import Flask\n\napp = Flask(__name__)  # noqa: CL2003\n"),
        ("requirements.txt", "flask==3.0.3  # noqa: CL3007\n"),
        ("templates/index.html", "<a href=\"/static/x.css\">x</a>\n"),
        ("settings.toml", "debug = false\n"),
    ];

    [Fact]
    public void ALoadedDeployment_AndATestDeployment_OfTheSameFiles_Agree()
    {
        using var project = TempProject.Empty();
        var inMemory = new TestDeployment();
        foreach (var (path, text) in Files)
        {
            project.Write(path, text);
            inMemory.File(path, text);
        }

        var settings = SettingsResolver.For(project.Directory, new CommandLineSettings { NoPython = true });
        var loaded = AnalysisPipeline.Load(new DeploymentTarget(project.Directory, true), settings).Deployment;
        var built = inMemory.Build();

        Assert.Equal(Shape(built), Shape(loaded));
        Assert.Equal(built.PackageFile, loaded.PackageFile);
        Assert.Equal(built.Inventory, loaded.Inventory);
        Assert.Equal(built.Files.ToDictionary(f => f.Key, f => f.Value.Checksum), loaded.Files.ToDictionary(f => f.Key, f => f.Value.Checksum));
    }

    [Fact]
    public void WithoutPython_ThePythonFactIsNotAsked_AndOutsideGit_GitIsUnavailableWithTheRulesItLeftUnchecked()
    {
        using var project = TempProject.Empty();
        project.Write("app.py", "from flask import Flask\n\napp = Flask(__name__)\n");

        var settings = SettingsResolver.For(project.Directory, new CommandLineSettings { NoPython = true });
        var facts = AnalysisPipeline.Load(new DeploymentTarget(project.Directory, true), settings).Deployment.Facts;

        Assert.Equal(FactState.NotAsked, facts.Python.State);
        Assert.Equal(FactState.Unavailable, facts.Git.State);
        Assert.StartsWith("not inside a Git repository: what Git would commit was not checked (CL4001", facts.Git.Reason);
        Assert.False(facts.Has(Rules.Analysis.RuleNeeds.Git));
        Assert.True(facts.Has(Rules.Analysis.RuleNeeds.None));
    }

    /// <summary>What a rule sees of the text: each file's kind and text, and the noqa comments (file, line, codes).</summary>
    private static object Shape(Deployment deployment) => new
    {
        Texts = string.Join("\n", deployment.TextFiles.Where(t => t.RelativePath != "manifest.json").OrderBy(t => t.RelativePath, StringComparer.Ordinal)
            .Select(t => $"{t.RelativePath} {t.Kind} {t.Text.Length}")),
        Suppressions = string.Join("\n", deployment.Suppressions
            .Select(s => $"{Path.GetFileName(s.FilePath)}:{s.Line} {string.Join(",", s.Codes ?? [])}").Order(StringComparer.Ordinal)),
    };
}
