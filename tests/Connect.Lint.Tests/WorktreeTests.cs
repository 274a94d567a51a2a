using Xunit;

namespace Connect.Lint.Tests;

/// <summary>
/// Linked Git worktrees and submodules are repositories of their own: a worktree inside the main checkout is not part
/// of the main deployment, a check inside it checks its own deployment, and no '.git' link file is ever listed.
/// </summary>
public sealed class WorktreeTests
{
    private const string App = "from flask import Flask\n\napp = Flask(__name__)\n";

    private static TempProject Repository()
    {
        var project = TempProject.Empty();
        project.Write("app.py", App);
        project.Write("requirements.txt", "flask==2.2.2\n");
        Assert.Equal(0, project.Run("write-manifest", "project", "--python", TestPython.Path, "-e", "app:app").ExitCode);
        TestGit.Run(project.Directory, "init", "-q");
        TestGit.Run(project.Directory, "add", ".");
        TestGit.Commit(project.Directory);
        return project;
    }

    private static string[] Problems(CliRun run) => run.Stdout.Split('\n').Where(l => l.Contains(" CL", StringComparison.Ordinal)).ToArray();

    [Fact]
    public void ALinkedWorktreeInsideTheCheckout_IsItsOwnDeployment()
    {
        using var project = Repository();
        TestGit.Run(project.Directory, "worktree", "add", "-q", ".worktrees/feature");
        File.AppendAllText(Path.Combine(project.Directory, ".git", "info", "exclude"), ".worktrees/\n");

        var main = project.Run("check", "project", "--python", TestPython.Path);
        var worktree = project.Run("check", "project/.worktrees/feature", "--python", TestPython.Path);

        Assert.True(main.ExitCode == 0, string.Join('\n', Problems(main)));
        Assert.True(worktree.ExitCode == 0, string.Join('\n', Problems(worktree)));
        Assert.Contains("All checks passed (1 deployment).", main.Stdout);
    }

    [Fact]
    public void WriteManifest_NeverListsAGitLinkFile_OfAWorktreeOrASubmodule()
    {
        using var project = Repository();
        var library = Path.Combine(project.Root, "library");
        Directory.CreateDirectory(library);
        File.WriteAllText(Path.Combine(library, "helpers.py"), "X = 1\n");
        TestGit.Run(library, "init", "-q");
        TestGit.Run(library, "add", ".");
        TestGit.Commit(library);
        TestGit.Run(project.Directory, "-c", "protocol.file.allow=always", "submodule", "add", "-q", library, "vendor/library");
        TestGit.Run(project.Directory, "worktree", "add", "-q", "../linked");
        var linked = Path.Combine(project.Root, "linked");
        File.Delete(Path.Combine(linked, "manifest.json"));

        Assert.Equal(0, project.Run("write-manifest", "project", "--python", TestPython.Path, "-e", "app:app", "--overwrite").ExitCode);
        Assert.Equal(0, project.Run("write-manifest", "linked", "--python", TestPython.Path, "-e", "app:app").ExitCode);

        var withSubmodule = project.Read("manifest.json");
        Assert.Contains("\"vendor/library/helpers.py\"", withSubmodule);
        Assert.DoesNotContain(".git\"", withSubmodule);
        Assert.DoesNotContain(".git\"", File.ReadAllText(Path.Combine(linked, "manifest.json")));
        var check = project.Run("check", "linked", "--python", TestPython.Path);
        Assert.DoesNotContain(Problems(check), l => l.Contains("'.git'", StringComparison.Ordinal));
    }
}
