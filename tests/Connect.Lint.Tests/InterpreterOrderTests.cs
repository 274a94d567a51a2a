using Xunit;

namespace Connect.Lint.Tests;

/// <summary>
/// Each deployment is checked with its own interpreter: its own virtualenv before the shell's activated one, a bare
/// --python name found on PATH, and the Python that really ran named when a launcher (a pyenv shim) started it.
/// </summary>
public sealed class InterpreterOrderTests : IDisposable
{
    private readonly TempProject _repository = TempProject.Empty();

    public void Dispose() => _repository.Dispose();

    /// <summary>A Git repository with svc-a and svc-b, each pinning tinydep to the version its own .venv holds.</summary>
    private void MakeMonorepo()
    {
        TestGit.Run(_repository.Directory, "init", "-q");
        foreach (var (service, version) in new[] { ("svc-a", "1.0"), ("svc-b", "2.0") })
        {
            _repository.Write($"{service}/app.py", "import tinydep\nfrom flask import Flask\n\napp = Flask(__name__)\n");
            _repository.Write($"{service}/requirements.txt", $"tinydep=={version}\n");
            var venv = TestVenv.Create(_repository.PathOf($"{service}/.venv"))
                .Install("tinydep", version, new Dictionary<string, string> { ["tinydep.py"] = "" });
            Assert.Equal(0, _repository.Run("write-manifest", $"project/{service}", "--python", venv.Python, "-e", "app:app").ExitCode);
        }
    }

    [Fact]
    public void ActivatedVirtualenv_DoesNotOverrideEachDeploymentsOwn()
    {
        MakeMonorepo();
        var activated = new Dictionary<string, string?> { ["VIRTUAL_ENV"] = _repository.PathOf("svc-b/.venv") };

        var check = ToolProcess.RunWithEnvironment(_repository.Directory, ["check", "--no-cache", "--select", "CL3008"], activated);

        Assert.DoesNotContain("CL3008", check.Stdout);
        Assert.True(check.ExitCode == 0, check.Stdout + check.Stderr);
        Assert.Contains("connect-lint: svc-a: Python ", check.Stderr);
        Assert.Contains(" at svc-a/.venv/bin/python3 (virtualenv svc-a/.venv; --python or [tool.connect-lint] python chooses another)", check.Stderr);
        Assert.Contains(" at svc-b/.venv/bin/python3 (virtualenv svc-b/.venv;", check.Stderr);
    }

    [Fact]
    public void WriteManifest_UsesTheDeploymentsOwnVirtualenv_NotTheActivatedOne()
    {
        MakeMonorepo();
        var activated = new Dictionary<string, string?> { ["VIRTUAL_ENV"] = _repository.PathOf("svc-b/.venv") };

        var run = ToolProcess.RunWithEnvironment(_repository.Directory, ["write-manifest", "svc-a", "--overwrite"], activated);

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("at svc-a/.venv/bin/python3 (virtualenv svc-a/.venv;", run.Stderr);
    }

    [Fact]
    public void ActivatedVirtualenv_IsUsedWhenTheDeploymentHasNoneOfItsOwn()
    {
        _repository.Write("app.py", "from flask import Flask\n\napp = Flask(__name__)\n");
        _repository.Write("requirements.txt", "flask\n");
        var outside = TempProject.Empty();
        try
        {
            var venv = TestVenv.Create(outside.PathOf("env"));
            var run = ToolProcess.RunWithEnvironment(_repository.Directory, ["check", ".", "--no-cache"],
                new Dictionary<string, string?> { ["VIRTUAL_ENV"] = venv.Directory });

            Assert.Contains($"at {venv.Directory}/bin/python3 ($VIRTUAL_ENV;", run.Stderr);
        }
        finally
        {
            outside.Dispose();
        }
    }

    [Fact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public void BareInterpreterName_IsFoundOnPath_AndTheLauncherIsFollowedToThePythonThatRan()
    {
        _repository.Write("app.py", "from flask import Flask\n\napp = Flask(__name__)\n");
        _repository.Write("requirements.txt", "flask\n");
        // A launcher as pyenv's shims are: a script on PATH that starts the real interpreter.
        var bin = _repository.PathOf("bin");
        _repository.Write("bin/python3.11", $"#!/bin/sh\nexec {TestPython.Path} \"$@\"\n");
        File.SetUnixFileMode(Path.Combine(bin, "python3.11"), (UnixFileMode)0b111_101_101);
        var path = new Dictionary<string, string?> { ["PATH"] = bin + ":" + Environment.GetEnvironmentVariable("PATH") };

        var run = ToolProcess.RunWithEnvironment(_repository.Directory, ["check", ".", "--python", "python3.11", "--no-cache"], path);

        Assert.DoesNotContain("does not exist", run.Stderr);
        Assert.Contains($"Python {TestPython.PythonVersion} at {TestPython.Path} (--python, found on PATH: bin/python3.11; --python or [tool.connect-lint] python chooses another)", run.Stderr);
    }

    [Fact]
    public void BareInterpreterName_NotOnPath_IsSaidSo()
    {
        _repository.Write("app.py", "from flask import Flask\n\napp = Flask(__name__)\n");
        _repository.Write("requirements.txt", "flask\n");

        var run = _repository.Run("inspect", "project", "--python", "python9.99");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("interpreter python9.99 (--python, not found on PATH) does not exist", run.Stderr);
    }
}
