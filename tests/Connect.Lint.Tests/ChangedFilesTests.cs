using Xunit;

namespace Connect.Lint.Tests;

/// <summary>
/// pre-commit passes the changed files after the hook's own arguments: each file stands for the deployment it is in,
/// a file in no deployment names none, and the options before the files never swallow them.
/// </summary>
public sealed class ChangedFilesTests : IDisposable
{
    private readonly TempProject _repository = TempProject.Empty();

    public void Dispose() => _repository.Dispose();

    private void MakeMonorepo()
    {
        TestGit.Run(_repository.Directory, "init", "-q");
        foreach (var service in new[] { "svc-a", "svc-b" })
        {
            _repository.Write($"{service}/app.py", "from flask import Flask\n\napp = Flask(__name__)\n");
            _repository.Write($"{service}/requirements.txt", "flask\n");
            _repository.Write($"{service}/data.csv", "a,b\n");
            Assert.Equal(0, _repository.Run("write-manifest", $"project/{service}", "--python", TestPython.Path, "-e", "app:app").ExitCode);
        }

        _repository.Write("README.md", "# services\n");
    }

    [Fact]
    public void ChangedDataFile_ChecksTheDeploymentItIsIn_AndOnlyThatOne()
    {
        MakeMonorepo();
        _repository.Write("svc-a/data.csv", "a,b\n1,2\n");

        var run = _repository.Run("check", "--no-python", "--select", "CL10", "project/svc-a/data.csv");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("project/svc-a/manifest.json:", run.Stdout);
        Assert.Contains("CL1007 'data.csv' changed since manifest.json was written", run.Stdout);
        Assert.Contains("in 1 deployment.", run.Stdout);
    }

    [Fact]
    public void FileInNoDeployment_OfARepositoryWithDeployments_IsPassedOver()
    {
        MakeMonorepo();

        var run = _repository.Run("check", "--no-python", "project/README.md");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal("All checks passed (0 deployments).\n", run.Stdout);
        Assert.Equal("connect-lint: project/README.md: in no deployment (no manifest.json above, and the repository has deployments elsewhere); not checked\n", run.Stderr);
    }

    [Fact]
    public void FileOfARepositoryWithNoManifestYet_StandsForItsDirectory()
    {
        TestGit.Run(_repository.Directory, "init", "-q");
        _repository.Write("app.py", "from flask import Flask\n\napp = Flask(__name__)\n");

        var run = _repository.Run("check", "--no-python", "--select", "CL1001", "project/app.py");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("CL1001", run.Stdout);
    }

    [Fact]
    public void FilesAfterSelect_ArePaths_NotSelectors()
    {
        MakeMonorepo();

        var run = _repository.Run("check", "--no-python", "--select", "CL10", "--ignore", "CL1003", "project/svc-a/app.py", "project/svc-b/data.csv");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal("All checks passed (2 deployments).\n", run.Stdout);
    }
}
