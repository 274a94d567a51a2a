using Xunit;

namespace Connect.Lint.Tests;

/// <summary>Each requirements rule on a real project through the real interpreter, and its clean twin.</summary>
public sealed class RequirementsRuleTests
{
    private static TempProject Project(string requirements, string? extraImport = null)
    {
        var project = TempProject.FromFixture("requirements/app");
        project.Write("requirements.txt", requirements);
        if (extraImport is not null)
        {
            project.Write("app.py", extraImport + "\n" + project.Read("app.py"));
        }

        return project;
    }

    private static string[] Lines(TempProject project, string select = "CL3", params string[] extra) =>
        project.Run(["check", "project", "--python", TestPython.Path, "--select", select, .. extra])
            .Stdout.Split('\n').Where(l => l.Contains(" CL")).ToArray();

    public static TheoryData<string, string, string> Firing => new()
    {
        { "conda file reference", "flask==2.2.2\nnumpy @ file:///home/conda/feedstock_root/build_artifacts/numpy_1700/work\n",
            "project/requirements.txt:2:1: error CL3004 'numpy @ file:///home/conda/feedstock_root/build_artifacts/numpy_1700/work' points at a file on this machine (a conda build path?), which does not exist on Connect's server" },
        { "editable local path", "flask==2.2.2\n-e .\n",
            "project/requirements.txt:2:1: error CL3004 '-e .' points at a local path, which does not exist on Connect's server" },
        { "windows-only package", "flask==2.2.2\npywin32==306\n",
            "project/requirements.txt:2:1: error CL3006 pywin32 installs only on Windows; Connect runs Linux, so pip fails there. Add '; sys_platform == \"win32\"'" },
        { "local version label", "flask==2.2.2\nmypkg==1.0+g1a2b3c\n",
            "project/requirements.txt:2:1: warning CL3005 mypkg==1.0+g1a2b3c has a local version label ('+g1a2b3c'): package indexes do not serve it, so the install fails on Connect" },
        { "flask not declared", "click==8.1.3\n",
            "project/app.py:1:1: error CL3003 'flask' is imported but Flask is not in requirements.txt: Connect will not install it" },
        { "credentials in the index url", "--index-url https://alice:s3cret@pypi.example.com/simple\nflask==2.2.2\n",
            "project/requirements.txt:1:13: error CL3009 --index-url carries credentials in its URL: they are committed and deployed with the app. Use ${VARIABLE} references (pip expands them) or Connect's package repository settings" },
        { "unparsable line", "flask==2.2.2\nflask >>> 2\n",
            "project/requirements.txt:2:1: error CL3002 '>>> 2' is not a valid version specifier" },
        { "unpinned", "flask\n", "project/requirements.txt:1:1: note CL3007 flask is not pinned (==): each deploy may install another version than the one you tested" },
    };

    [Theory]
    [MemberData(nameof(Firing))]
    public void Fires_AtTheRightLine(string name, string requirements, string expected)
    {
        _ = name;
        using var project = Project(requirements);
        Assert.Equal([expected], Lines(project));
    }

    public static TheoryData<string, string> CleanTwins => new()
    {
        { "a pinned index package", "flask==2.2.2\n" },
        { "pywin32 with a marker", "flask==2.2.2\npywin32==306 ; sys_platform == \"win32\"\n" },
        { "a public release", "flask==2.2.2\nmypkg==1.0\n" },
        { "credentials from the environment", "--index-url https://${PIP_USER}:${PIP_PASSWORD}@pypi.example.com/simple\nflask==2.2.2\n" },
        { "a VCS URL without credentials", "flask==2.2.2\nmylib @ git+https://github.com/acme/mylib@v1.2#egg=mylib\n" },
        { "comments, continuations, extras and markers", "# pinned\nflask[async]==2.2.2 \\\n    ; python_version >= \"3.8\"  # trailing\n" },
    };

    [Theory]
    [MemberData(nameof(CleanTwins))]
    public void CleanTwin_ReportsNothing(string name, string requirements)
    {
        _ = name;
        using var project = Project(requirements);
        Assert.Empty(Lines(project, "CL3002,CL3003,CL3004,CL3005,CL3006,CL3009"));
    }

    [Fact]
    public void PinnedToTheInstalledVersion_IsCleanForCL3001_CL3007_CL3008()
    {
        using var project = Project($"flask=={InstalledFlask()}\n");
        Assert.Empty(Lines(project, "CL3001,CL3007,CL3008"));
    }

    [Fact]
    public void YamlImportedButUndeclared_UsesTheDistributionName()
    {
        using var project = Project("flask==2.2.2\n", "import yaml");
        Assert.Equal(["project/app.py:1:1: error CL3003 'yaml' is imported but PyYAML is not in requirements.txt: Connect will not install it"], Lines(project));

        using var declared = Project("flask==2.2.2\nPyYAML==6.0\n", "import yaml");
        Assert.Empty(Lines(declared, "CL3003"));
    }

    [Fact]
    public void OptionalImports_AreNotRequired()
    {
        using var project = Project("flask==2.2.2\n", "try:\n    import ujson\nexcept ImportError:\n    ujson = None");
        Assert.Empty(Lines(project, "CL3003"));
    }

    [Fact]
    public void ThreeFileIncludeChain_IsFollowed()
    {
        using var project = Project("-r requirements/base.txt\n");
        project.Write("requirements/base.txt", "-r common.txt\nflask==2.2.2\n");
        project.Write("requirements/common.txt", "mypkg==1.0+local\n");

        Assert.Equal(["project/requirements/common.txt:1:1: warning CL3005 mypkg==1.0+local has a local version label ('+local'): package indexes do not serve it, so the install fails on Connect"],
            Lines(project));

        project.Write("requirements/common.txt", "-r ../../outside.txt\n");
        Assert.Equal(["project/requirements/common.txt:1:4: error CL3002 '-r ../../outside.txt' points outside the deployment: Connect only has the deployed files"], Lines(project));
    }

    [Fact]
    public void UnsafeFix_AddsExactlyTheImportedDistributions()
    {
        using var project = Project("# our pins\ngunicorn==20.1.0\n", "import yaml");

        var safe = project.Run("check", "project", "--python", TestPython.Path, "--select", "CL3003", "--fix");
        Assert.Equal("# our pins\ngunicorn==20.1.0\n", project.Read("requirements.txt"));
        var run = project.Run("check", "project", "--python", TestPython.Path, "--select", "CL3003", "--fix", "--unsafe-fixes");

        Assert.Equal(1, safe.ExitCode);
        Assert.Equal(0, run.ExitCode);
        var lines = project.Read("requirements.txt").Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(["# our pins", "gunicorn==20.1.0"], lines[..2]);
        Assert.Equal(["Flask==", "PyYAML=="], lines[2..].Select(l => l[..(l.IndexOf("==", StringComparison.Ordinal) + 2)]).Order());
    }

    [Fact]
    public void MissingRequirements_UnsafeFixWritesThemFromTheImports()
    {
        using var project = Project("x\n");
        File.Delete(project.PathOf("requirements.txt"));

        var lines = Lines(project, "CL3001");
        project.Run("check", "project", "--python", TestPython.Path, "--select", "CL3001", "--fix", "--unsafe-fixes");

        Assert.Equal(["project/requirements.txt:1:1: error CL3001 no requirements.txt: Connect installs the app's packages from it, so even Flask would be missing"], lines);
        Assert.StartsWith("Flask==", project.Read("requirements.txt"));
    }

    [Fact]
    public void SafeFixes_RewriteTheLines()
    {
        using var project = Project("flask @ file:///home/conda/feedstock_root/build_artifacts/flask_1/work\npywin32==306\n");
        project.Run("check", "project", "--python", TestPython.Path, "--select", "CL3004,CL3006", "--fix");
        Assert.Equal($"flask=={InstalledFlask()}\npywin32==306 ; sys_platform == \"win32\"\n", project.Read("requirements.txt"));
    }

    private static string InstalledFlask()
    {
        using var project = Project("flask==0.0.1\n");
        var line = Assert.Single(Lines(project, "CL3008"));
        return line.Split(" but ")[1].Split(' ')[0];
    }
}

/// <summary>noqa comments and CL9003.</summary>
public sealed class SuppressionTests
{
    private static string[] Lines(TempProject project, params string[] extra) =>
        project.Run(["check", "project", "--python", TestPython.Path, .. extra]).Stdout.Split('\n').Where(l => l.Contains(" CL")).ToArray();

    [Fact]
    public void LineNoqa_SuppressesThatCodeOnThatLine()
    {
        using var project = TempProject.FromFixture("requirements/app");
        project.Write("requirements.txt", "flask  # noqa: CL3007\nmypkg==1.0\n");
        Assert.Empty(Lines(project, "--select", "CL3007,CL9003"));
    }

    [Fact]
    public void BareNoqa_SuppressesEverythingOnTheLine_InPython()
    {
        using var project = TempProject.FromFixture("requirements/app");
        project.Write("requirements.txt", "gunicorn==20.1.0\n");
        project.Write("app.py", project.Read("app.py").Replace("from flask import Flask", "from flask import Flask  # noqa"));
        Assert.Empty(Lines(project, "--select", "CL3003,CL9003"));
    }

    [Fact]
    public void FileNoqa_SuppressesTheCodeInTheWholeFile()
    {
        using var project = TempProject.FromFixture("requirements/app");
        project.Write("requirements.txt", "# connect-lint: noqa: CL3007\nflask\nclick\n");
        Assert.Empty(Lines(project, "--select", "CL3007,CL9003"));
    }

    [Fact]
    public void UnusedNoqa_IsReported_AndItsFixRemovesIt()
    {
        using var project = TempProject.FromFixture("requirements/app");
        project.Write("requirements.txt", "flask==2.2.2  # noqa: CL3007\n");

        var lines = Lines(project, "--select", "CL3007,CL9003");
        project.Run("check", "project", "--python", TestPython.Path, "--select", "CL3007,CL9003", "--fix");

        Assert.Equal(["project/requirements.txt:1:15: note CL9003 '# noqa' for CL3007 suppresses nothing here"], lines);
        Assert.Equal("flask==2.2.2\n", project.Read("requirements.txt"));
    }
}

/// <summary>[tool.connect-lint] in pyproject.toml.</summary>
public sealed class ConfigurationTests
{
    private static TempProject WithConfig(string toml)
    {
        var project = TempProject.FromFixture("requirements/app");
        project.Write("requirements.txt", "flask\nclick\n");
        project.Write("pyproject.toml", toml);
        return project;
    }

    private static CliRun Check(TempProject project) => project.Run("check", "project", "--python", TestPython.Path, "--select", "CL3007,CL1011");

    [Fact]
    public void Ignore_PerFileIgnores_And_Severity_Apply()
    {
        using var ignored = WithConfig("[tool.connect-lint]\nignore = [\"CL3007\"]\n");
        using var perFile = WithConfig("[tool.connect-lint.per-file-ignores]\n\"requirements.txt\" = [\"CL30\"]\n");
        using var severity = WithConfig("[tool.connect-lint.severity]\nCL3007 = \"error\"\n");

        Assert.DoesNotContain("CL3007", ignored.Run("check", "project", "--python", TestPython.Path).Stdout);
        Assert.DoesNotContain("CL3007", Check(perFile).Stdout);
        Assert.Contains("project/requirements.txt:1:1: error CL3007 flask is not pinned", Check(severity).Stdout);
    }

    [Fact]
    public void Exclude_LeavesFilesOutOfTheDeployment()
    {
        using var project = WithConfig("[tool.connect-lint]\nexclude = [\"notebooks/**\"]\n");
        project.Run("write-manifest", "project", "--python", TestPython.Path);
        project.Write("notebooks/scratch.py", "x = 1\n");
        Assert.DoesNotContain("notebooks", project.Run("check", "project", "--python", TestPython.Path, "--select", "CL1008").Stdout);
    }

    [Fact]
    public void ServerPythonVersions_FeedCL1011()
    {
        using var project = WithConfig("[tool.connect-lint]\nserver-python-versions = [\"3.9\", \"3.10\"]\n");
        project.Run("write-manifest", "project", "--python", TestPython.Path);
        var minor = string.Join('.', TestPython.PythonVersion.Split('.').Take(2));
        Assert.Contains($"error: no, warning CL1011 manifest.json records Python {TestPython.PythonVersion} but the server offers 3.9, 3.10 (server-python-versions): Connect finds no {minor}",
            "error: no, " + Check(project).Stdout.Split('\n').Single(l => l.Contains("CL1011")).Split(": ", 2)[1]);
    }

    [Theory]
    [InlineData("[tool.connect-lint]\nselect = [\"CL99\"]\n", "project/pyproject.toml:2:1: [tool.connect-lint] select: 'CL99' selects no rule")]
    [InlineData("[tool.connect-lint]\ncolour = true\n", "project/pyproject.toml:2:1: [tool.connect-lint] colour: unknown key")]
    [InlineData("[tool.connect-lint.severity]\nCL3007 = \"loud\"\n", "project/pyproject.toml:2:1: [tool.connect-lint] severity.CL3007: 'loud' is not error, warning or note")]
    [InlineData("[tool.connect-lint]\nserver-python-versions = [\"3\"]\n", "project/pyproject.toml:2:1: [tool.connect-lint] server-python-versions: '3' is not a MAJOR.MINOR version")]
    [InlineData("[tool.connect-lint\nselect = 1\n", "project/pyproject.toml:1:")]
    public void InvalidConfig_IsAnErrorNamingFileLineAndKey(string toml, string expected)
    {
        using var project = WithConfig(toml);
        var run = project.Run("check", "project", "--no-python");
        Assert.Equal(2, run.ExitCode);
        Assert.StartsWith($"connect-lint: error: {expected}", run.Stderr);
    }
}

public sealed class ConfiguredInterpreterTests
{
    [Fact]
    public void PythonFromTheConfiguration_IsUsedAndNamed_ByCheckAndInspect()
    {
        using var project = TempProject.FromFixture("requirements/app");
        project.Write("pyproject.toml", $"[tool.connect-lint]\npython = \"{TestPython.Path}\"\n");
        project.Run("write-manifest", "project", "--python", TestPython.Path);

        var check = project.Run("check", "project");
        var inspect = project.Run("inspect", "project");

        Assert.Contains($"at {TestPython.Path} ([tool.connect-lint] python; --python or [tool.connect-lint] python chooses another)", check.Stderr);
        Assert.Contains($"Interpreter  Python {TestPython.PythonVersion} at {TestPython.Path} ([tool.connect-lint] python;", inspect.Stdout);
    }
}
