using Connect.Lint.Settings;

namespace Connect.Lint.Loading;

/// <summary>
/// The branch Connect tracks (<c>[tool.connect-lint] branch</c>) against what is checked: a check on another branch,
/// or of a commit that is not that branch's tip, says which branch Connect deploys. Git is asked only when the
/// branch is configured.
/// </summary>
public static class TrackedBranch
{
    /// <summary>The revision <c>check --rev</c> without a value checks: the branch configured for the first PATH (the walk up passes a file by), else HEAD.</summary>
    public static string DefaultRevision(IReadOnlyList<string> paths) =>
        Configuration.ConfigLoader.ForDirectory(StartDirectory.FullPathOf(paths.Count == 0 ? "." : paths[0])).Branch ?? "HEAD";

    /// <summary>A notice for the report, or null when the check is of the tracked branch (or nothing is known).</summary>
    public static string? Notice(DeploymentSettings settings, string directory)
    {
        if (settings.Branch.Value is not { } branch)
        {
            return null;
        }

        if (settings.Commit is { } commit)
        {
            var tip = GitCli.Run(commit.RepositoryRoot, ["rev-parse", "--verify", "--quiet", "--end-of-options", branch + "^{commit}"])?.Trim();
            return tip == commit.Sha ? null : $"{commit.Describe()} is not the tip of {branch}, the branch Connect deploys ({settings.Branch.Source})";
        }

        var current = GitCli.Run(directory, ["symbolic-ref", "--quiet", "--short", "HEAD"])?.Trim();
        return current is null || current == branch
            ? null
            : $"on branch {current}: Connect deploys {branch} ({settings.Branch.Source}); 'connect-lint check --rev {branch}' checks what it deploys";
    }
}
