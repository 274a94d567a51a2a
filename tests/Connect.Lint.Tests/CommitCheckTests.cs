using System.Diagnostics;
using System.Text.Json;
using Xunit;

namespace Connect.Lint.Tests;

/// <summary>
/// check --rev, the pre-push hook and the work tree's difference from the commit (CL4005), on real Git repositories
/// with a real Flask app imported by the real interpreter: what a user sees before a push.
/// </summary>
public sealed class CommitCheckTests
{
    private const string GoodApp = """
        from flask import Flask

        app = Flask(__name__)


        @app.route("/")
        def index():
            return "hello"

        """;

    /// <summary>The same app with a line that fails at import: what the commit holds while the work tree was fixed, or the other way round.</summary>
    private const string BrokenApp = """
        from flask import Flask

        app = Flask(__name__)
        raise RuntimeError("settings are not ready")

        """;

    /// <summary>A repository at project/ holding one deployment of <paramref name="app"/>, committed with its manifest.</summary>
    private static TempProject Repository(string app)
    {
        var project = TempProject.Empty();
        project.Write("app.py", app);
        project.Write("requirements.txt", "flask==2.2.2\n");
        var manifest = project.Run("write-manifest", "project", "--python", TestPython.Path);
        Assert.True(manifest.ExitCode == 0, manifest.Stderr);
        TestGit.Run(project.Directory, "init", "-q", "-b", "main");
        TestGit.Run(project.Directory, "add", "-A");
        TestGit.Commit(project.Directory);
        return project;
    }

    private static CliRun Check(TempProject project, params string[] extra) =>
        project.Run(["check", "project", "--python", TestPython.Path, "--select", "CL2,CL4", .. extra]);

    private static string[] Codes(CliRun run) =>
        run.Stdout.Split('\n').Where(l => l.Contains(" CL", StringComparison.Ordinal)).Select(l => l.Split(' ')[2]).ToArray();

    private static string[] CopiesLeft() =>
        Directory.GetDirectories(Path.GetTempPath(), "connect-lint-commit-*");

    [Fact]
    public void AFixMadeButNotCommitted_PassesCheck_FailsCheckRevHead_AndIsReportedAsNotInTheCommit()
    {
        using var project = Repository(BrokenApp);
        project.Write("app.py", GoodApp); // fixed in the work tree only
        var before = CopiesLeft();

        var workTree = Check(project);
        Assert.Equal(0, workTree.ExitCode);
        Assert.Equal(["CL4005"], Codes(workTree));
        Assert.Contains("project/app.py:1:1: note CL4005 1 file Connect would deploy differs from HEAD: app.py (modified); this check describes the work tree", workTree.Stdout);

        var commit = Check(project, "--rev", "HEAD");
        Assert.Equal(1, commit.ExitCode);
        Assert.Contains("project/app.py:4:1: error CL2002", commit.Stdout); // the repository's path, the commit's line
        Assert.Contains("RuntimeError: settings are not ready", commit.Stdout);
        Assert.Contains("note CL4005 1 file Connect would deploy differs in the work tree from commit ", commit.Stdout);
        Assert.Contains("(HEAD): app.py (modified); this check describes the commit, so the changes are not in it", commit.Stdout);
        Assert.Matches(@"in 1 deployment of commit [0-9a-f]{12} \(HEAD\)\.", commit.Stdout);
        Assert.DoesNotContain(Path.GetTempPath() + "connect-lint-commit", commit.Stdout + commit.Stderr);
        Assert.Equal(GoodApp, project.Read("app.py")); // the work tree is untouched
        Assert.Equal(before, CopiesLeft()); // the private copy is gone
    }

    [Fact]
    public void AnUncommittedEditThatBreaksTheImport_FailsCheck_PassesCheckRevHead()
    {
        using var project = Repository(GoodApp);
        project.Write("app.py", BrokenApp);
        TestGit.Run(project.Directory, "add", "app.py"); // staged, not committed: still not what Connect clones

        Assert.Contains("CL2002", Codes(Check(project)));
        var commit = Check(project, "--rev", "HEAD");
        Assert.Equal(0, commit.ExitCode);
        Assert.Equal(["CL4005"], Codes(commit));
    }

    [Fact]
    public void AModuleOnlyInTheWorkTree_IsMissingFromTheCommit()
    {
        using var project = Repository(GoodApp);
        project.Write("helpers.py", "GREETING = 'hi'\n");
        project.Write("app.py", "from helpers import GREETING\n" + GoodApp);
        TestGit.Run(project.Directory, "add", "app.py");
        TestGit.Commit(project.Directory); // app.py committed, helpers.py never

        Assert.DoesNotContain("CL3003", Check(project, "--select", "CL2,CL3,CL4").Stdout); // the work tree has it
        var commit = Check(project, "--rev", "HEAD", "--select", "CL2,CL3,CL4");
        Assert.Equal(1, commit.ExitCode);
        Assert.Contains("project/app.py:1:1: error CL2002 importing 'app' raised ModuleNotFoundError: No module named 'helpers'", commit.Stdout); // as on Connect
        Assert.Contains("project/helpers.py:1:1: error CL4001 helpers.py is imported by the app but it is not committed (untracked)", commit.Stdout);
        Assert.DoesNotContain("CL3003", commit.Stdout); // the project's own module, not an undeclared package
        Assert.Contains("helpers.py (untracked); this check describes the commit", commit.Stdout);
    }

    [Fact]
    public void ACommittedLfsPointer_IsJudgedAsThePointer()
    {
        using var project = Repository(GoodApp);
        var pointer = "version https://git-lfs.github.com/spec/v1\noid sha256:4d7a214614ab2935c943f9e0ff69d22eadbb8f32b1258daaa5e2ca24d17e2393\nsize 12345\n";
        project.Write(".gitattributes", "*.bin filter=lfs diff=lfs merge=lfs -text\n");
        project.Write("model.bin", pointer);
        TestGit.Run(project.Directory, "add", ".gitattributes", "model.bin");
        TestGit.Commit(project.Directory);
        project.WriteBytes("model.bin", [0, 1, 2, 3, 4, 5, 6, 7]); // what an LFS checkout puts in the work tree

        var commit = Check(project, "--rev", "HEAD", "--select", "CL4003");
        Assert.Equal(1, commit.ExitCode);
        Assert.Contains("project/model.bin:1:1: error CL4003 model.bin is stored with Git LFS", commit.Stdout);
    }

    [Fact]
    public void ACleanTree_IsCheckedInPlace_AndReusesTheWorkTreesAnswer()
    {
        using var project = Repository(GoodApp);
        foreach (var file in Directory.GetFiles(project.Directory, "*", SearchOption.AllDirectories))
        {
            File.SetLastWriteTimeUtc(file, DateTime.UtcNow.AddMinutes(-1)); // older than the answer kept: not "racy"
        }

        Directory.SetLastWriteTimeUtc(project.Directory, DateTime.UtcNow.AddMinutes(-1));

        Assert.Equal(0, Check(project).ExitCode);
        var before = CopiesLeft();
        var commit = Check(project, "--rev", "HEAD");
        Assert.Equal(0, commit.ExitCode);
        Assert.Contains("answer reused", commit.Stderr);
        Assert.Equal(before, CopiesLeft());
    }

    [Fact]
    public void Reports_NameTheCommit()
    {
        using var project = Repository(BrokenApp);
        TestGit.Run(project.Directory, "remote", "add", "origin", "https://someone:s3cret@git.example.com/team/app.git");
        var sha = GitOutput(project.Directory, "rev-parse", "HEAD");

        using var json = JsonDocument.Parse(Check(project, "--rev", "main", "--format", "json").Stdout);
        Assert.Equal(sha, json.RootElement.GetProperty("commit").GetProperty("sha").GetString());
        Assert.Equal("main", json.RootElement.GetProperty("commit").GetProperty("revision").GetString());
        Assert.Equal("project/app.py", json.RootElement.GetProperty("diagnostics")[0].GetProperty("file").GetString());

        var workTreeSarif = Check(project, "--format", "sarif").Stdout; // the work tree is the commit here
        project.Write("app.py", "# a new first line\n" + BrokenApp); // now the commit's line 4 is the work tree's 5
        var sarif = Check(project, "--rev", "main", "--format", "sarif").Stdout;
        using var log = JsonDocument.Parse(sarif);
        var provenance = log.RootElement.GetProperty("runs")[0].GetProperty("versionControlProvenance")[0];
        Assert.Equal(sha, provenance.GetProperty("revisionId").GetString());
        Assert.Equal("https://git.example.com/team/app.git", provenance.GetProperty("repositoryUri").GetString());
        Assert.DoesNotContain("s3cret", sarif);
        Assert.Equal(Fingerprint(workTreeSarif, "CL2002"), Fingerprint(sarif, "CL2002")); // hashed from the commit's line, not the work tree's

        TestGit.Run(project.Directory, "remote", "set-url", "origin", "git@github.com:team/app.git");
        using var scp = JsonDocument.Parse(Check(project, "--rev", "main", "--format", "sarif").Stdout);
        Assert.Equal("ssh://github.com/team/app.git", scp.RootElement.GetProperty("runs")[0].GetProperty("versionControlProvenance")[0].GetProperty("repositoryUri").GetString());
    }

    private static string Fingerprint(string sarif, string rule)
    {
        using var log = JsonDocument.Parse(sarif);
        return log.RootElement.GetProperty("runs")[0].GetProperty("results").EnumerateArray()
            .First(r => r.GetProperty("ruleId").GetString() == rule).GetProperty("partialFingerprints").EnumerateObject().First().Value.GetString()!;
    }

    [Fact]
    public void BadRevisionsAndCombinations_AreUsageErrors()
    {
        using var project = Repository(GoodApp);
        var unknown = Check(project, "--rev", "no-such-branch");
        Assert.Equal(2, unknown.ExitCode);
        Assert.Contains("--rev no-such-branch: no such commit in", unknown.Stderr);
        Assert.Equal(2, Check(project, "--rev", "HEAD", "--fix").ExitCode);
        var option = Check(project, "--rev=--output=x");
        Assert.Equal(2, option.ExitCode);

        using var outside = TempProject.Empty();
        outside.Write("app.py", GoodApp);
        var noRepository = outside.Run("check", "project", "--rev", "HEAD", "--no-python");
        Assert.Equal(2, noRepository.ExitCode);
        Assert.Contains("is not inside a Git repository", noRepository.Stderr);
        Assert.DoesNotContain("   at ", noRepository.Stderr);
    }

    [Fact]
    public void TheConfiguredBranch_IsRevsDefault_AndACheckOnAnotherBranchSaysSo()
    {
        using var project = Repository(BrokenApp);
        project.Write("pyproject.toml", "[tool.connect-lint]\nbranch = \"main\"\n");
        TestGit.Run(project.Directory, "add", "pyproject.toml");
        TestGit.Commit(project.Directory);
        TestGit.Run(project.Directory, "checkout", "-q", "-b", "feature");
        project.Write("app.py", GoodApp);
        TestGit.Run(project.Directory, "commit", "-q", "-a", "-m", "fix", "--author", "t <t@example.com>");

        var onFeature = Check(project);
        Assert.Equal(0, onFeature.ExitCode);
        Assert.Contains("on branch feature: Connect deploys main ([tool.connect-lint] branch); 'connect-lint check --rev main' checks what it deploys", onFeature.Stderr);

        var tracked = Check(project, "--rev");
        Assert.Equal(1, tracked.ExitCode);
        Assert.Contains("error CL2002", tracked.Stdout);
        Assert.Contains("(main).", tracked.Stdout);
    }

    /// <summary>Git's own pre-push hook, as install-hook writes it, run by a real 'git push' to a local bare remote.</summary>
    [Fact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public void ThePrePushHook_BlocksABadPush_AndLetsAGoodOneThrough()
    {
        using var project = Repository(GoodApp);
        var remote = Path.Combine(project.Root, "remote.git");
        TestGit.Run(project.Root, "init", "-q", "--bare", remote);
        TestGit.Run(project.Directory, "remote", "add", "origin", remote);
        var install = ToolProcess.RunWithEnvironment(project.Directory, ["install-hook", "pre-push", "--", "--python", TestPython.Path], new Dictionary<string, string?>());
        Assert.True(install.ExitCode == 0, install.Stderr);
        Assert.Contains("wrote .git/hooks/pre-push", install.Stderr);

        var good = Push(project);
        Assert.True(good.ExitCode == 0, good.Stderr);
        Assert.Contains("All checks passed (1 deployment of commit", good.Stderr);

        project.Write("app.py", BrokenApp);
        TestGit.Run(project.Directory, "commit", "-q", "-a", "-m", "break", "--author", "t <t@example.com>");
        var bad = Push(project);
        Assert.NotEqual(0, bad.ExitCode);
        Assert.Contains("app.py:4:1: error CL2002", bad.Stderr);
        Assert.Contains("failed to push", bad.Stderr);
        Assert.NotEqual(GitOutput(project.Directory, "rev-parse", "HEAD"), GitOutput(remote, "rev-parse", "main"));

        var again = ToolProcess.RunWithEnvironment(project.Directory, ["install-hook", "pre-push"], new Dictionary<string, string?>());
        Assert.Equal(0, again.ExitCode); // its own hook is rewritten
        File.WriteAllText(Path.Combine(project.Directory, ".git", "hooks", "pre-push"), "#!/bin/sh\nexit 0\n");
        var foreign = ToolProcess.RunWithEnvironment(project.Directory, ["install-hook", "pre-push"], new Dictionary<string, string?>());
        Assert.Equal(2, foreign.ExitCode); // someone else's is kept
        Assert.Contains("is another pre-push hook: it was left as it is", foreign.Stderr);
    }

    /// <summary>git push with the test build on PATH as connect-lint (the hook runs it from there).</summary>
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    private static CliRun Push(TempProject project)
    {
        var bin = Path.Combine(project.Root, "bin");
        Directory.CreateDirectory(bin);
        var wrapper = Path.Combine(bin, "connect-lint");
        File.WriteAllText(wrapper, $"#!/bin/sh\nexec dotnet '{Path.Combine(AppContext.BaseDirectory, "connect-lint.dll")}' \"$@\"\n");
        File.SetUnixFileMode(wrapper, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        var start = new ProcessStartInfo("git") { WorkingDirectory = project.Directory, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in (string[])["push", "origin", "HEAD:main"])
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["PATH"] = bin + ":" + Environment.GetEnvironmentVariable("PATH");
        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return new CliRun(process.ExitCode, stdout, stdout + stderr.Result);
    }

    private static string GitOutput(string directory, params string[] arguments)
    {
        var start = new ProcessStartInfo("git") { WorkingDirectory = directory, RedirectStandardOutput = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEnd().Trim();
        process.WaitForExit();
        return output;
    }
}
