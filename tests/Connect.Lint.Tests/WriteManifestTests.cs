using Xunit;

namespace Connect.Lint.Tests;

public sealed class WriteManifestTests
{
    [Fact]
    public void MissingRequirements_IsAOneLineError()
    {
        using var project = TempProject.FromFixture("parity/01-minimal/app");
        File.Delete(project.PathOf("requirements.txt"));

        var run = project.Run("write-manifest", "project", "--python", TestPython.Path);

        Assert.Equal(2, run.ExitCode);
        Assert.StartsWith("connect-lint: error: project/requirements.txt not found", run.Stderr);
        Assert.False(File.Exists(project.PathOf("manifest.json")));
    }

    [Fact]
    public void ExistingManifest_NeedsOverwrite_WhichKeepsWhatItDoesNotDerive()
    {
        using var project = TempProject.FromFixture("parity/01-minimal/app");
        project.Write("manifest.json", """
            {
              "version": 1,
              "locale": "de_DE.UTF-8",
              "metadata": {"appmode": "python-api", "entrypoint": "app:app", "x-note": "kept"},
              "environment": {"image": "ghcr.io/acme/flask:3.11"},
              "x-team": {"owner": "caf\u00e9"},
              "files": {}
            }
            """);

        var refused = project.Run("write-manifest", "project", "--python", TestPython.Path);
        var written = project.Run("write-manifest", "project", "--python", TestPython.Path, "--overwrite");

        Assert.Equal(2, refused.ExitCode);
        Assert.Contains("already exists; pass --overwrite", refused.Stderr);
        Assert.Equal(0, written.ExitCode);
        var manifest = project.Read("manifest.json");
        Assert.Contains("\"locale\": \"de_DE.UTF-8\"", manifest);
        Assert.Contains("\"entrypoint\": \"app:app\",\n    \"x-note\": \"kept\"", manifest);
        Assert.Contains("\"environment\": {\n    \"image\": \"ghcr.io/acme/flask:3.11\"\n  }", manifest);
        Assert.Contains("\"x-team\": {\n    \"owner\": \"caf\\u00e9\"\n  },\n  \"files\"", manifest);
        Assert.Equal(0, project.Run("check", "project", "--no-python").ExitCode);
    }

    [Fact]
    public void Exclude_FollowsRsconnectsGlobs_AndSecretsStayOut()
    {
        using var project = TempProject.FromFixture("parity/02-factory/app");
        project.Write("data/big.csv", "a,b\n");
        project.Write("notes/todo.txt", "x\n");
        project.Write(".env", "SECRET=1\n");
        project.Write(".env.example", "SECRET=\n");

        var run = project.Run("write-manifest", "project", "--python", TestPython.Path, "-e", "myapp:create_app", "--exclude", "data", "--exclude", "notes/*.txt");

        Assert.Equal(0, run.ExitCode);
        var manifest = project.Read("manifest.json");
        Assert.DoesNotContain("data/big.csv", manifest);
        Assert.DoesNotContain("todo.txt", manifest);
        Assert.DoesNotContain("\".env\"", manifest);
        Assert.Contains("\".env.example\"", manifest);
        Assert.Contains("left out .env: secrets file (use Connect's Vars instead)", run.Stderr);
    }

    [Fact]
    public void Overwrite_RebuildsTheFilesList_WithoutKeepingTheOldOne()
    {
        using var project = TempProject.FromFixture("parity/01-minimal/app");
        var fresh = project.Run("write-manifest", "project", "--python", TestPython.Path);
        var freshBytes = project.Read("manifest.json");
        project.Write("manifest.json", freshBytes.Replace("\"files\": {", """
            "files": {
                "gone.py": {"checksum": "0123456789abcdef0123456789abcdef", "x-extra": [1, {"a": null}]},
            """));

        var rewritten = project.Run("write-manifest", "project", "--python", TestPython.Path, "--overwrite");

        Assert.Equal(0, fresh.ExitCode);
        Assert.Equal(0, rewritten.ExitCode);
        Assert.Equal(freshBytes, project.Read("manifest.json"));
    }

    [Fact]
    public void Overwrite_OfAManifestBrokenInsideItsFilesList_SaysWhereAsCheckDoes()
    {
        using var project = TempProject.FromFixture("parity/01-minimal/app");
        project.Write("manifest.json", "{\n  \"version\": 1,\n  \"files\": {\n    \"app.py\": {\"checksum\": \"x\",}\n  }\n}\n");

        var check = project.Run("check", "project", "--no-python");
        var written = project.Run("write-manifest", "project", "--python", TestPython.Path, "--overwrite");

        Assert.Contains("project/manifest.json:4:32:", check.Stdout);
        Assert.Equal(0, written.ExitCode);
        Assert.StartsWith("connect-lint: project/manifest.json:4:32: existing manifest not readable (Expecting property name enclosed in double quotes); writing a new one", written.Stderr);
    }

    [Fact]
    public void BadEntrypoint_IsRefused()
    {
        using var project = TempProject.FromFixture("parity/01-minimal/app");
        var run = project.Run("write-manifest", "project", "--python", TestPython.Path, "-e", "app.py:app");
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--entrypoint 'app.py:app': the module 'app.py' ends in '.py'", run.Stderr);
    }
}

public sealed class WriteManifestEntrypointTests
{
    [Fact]
    public void UndecidedEntrypoint_IsTheOneModuleThatCreatesAFlaskApp()
    {
        using var project = TempProject.FromFixture("python/routes-and-blueprints");
        File.Move(project.PathOf("app.py"), project.PathOf("service.py"));
        project.Write("helpers.py", "def helper():\n    return 1\n");

        var run = project.Run("write-manifest", "project", "--python", TestPython.Path);

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("\"entrypoint\": \"service\"", project.Read("manifest.json"));
    }
}
