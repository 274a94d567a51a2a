using Connect.Lint.Loading;

namespace Connect.Lint.Commands;

/// <summary>
/// <c>connect-lint pre-push</c>: checks the commits being pushed, as Connect will clone them (check --rev). Run by
/// pre-commit's pre-push stage, it checks <c>PRE_COMMIT_TO_REF</c> (or the local ref of a first push) and the
/// deployments the pushed files are in; run
/// as Git's own pre-push hook, it reads the refs being pushed from standard input ("local-ref local-sha remote-ref
/// remote-sha" per line; its arguments are then the remote's name and URL) and checks every deployment of each
/// commit pushed. A deleted ref pushes nothing to check. The exit code is the worst of the checks'.
/// </summary>
public static class PrePushCommand
{
    private const string NoCommit = "0000000000000000000000000000000000000000";

    public static int Run(CheckOptions options, TextReader stdin, TextWriter stdout, TextWriter stderr)
    {
        if (options.Revision is not null)
        {
            throw new UsageException("pre-push checks the commits being pushed (from pre-commit or Git): it takes no --rev");
        }

        if (FromPreCommit() is { } pushed)
        {
            // The files pre-commit names changed in the push; one deleted by it stands for the deployment it was in.
            return CheckCommand.Run(options with { Revision = pushed, AbsentPathsStandForDeployments = true }, stdout, stderr);
        }

        var commits = new List<string>();
        for (var line = stdin.ReadLine(); line is not null; line = stdin.ReadLine())
        {
            var fields = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (fields.Length == 4 && fields[1] != NoCommit && fields[1].All(Uri.IsHexDigit) && !commits.Contains(fields[1]))
            {
                commits.Add(fields[1]);
            }
        }

        // Git passes the remote's name and URL as arguments: every deployment of the repository is checked.
        var top = GitCli.Run(StartDirectory.Path, ["rev-parse", "--show-toplevel"])?.TrimEnd('\n')
                  ?? throw new UsageException($"pre-push: {Reporting.DisplayPath.ForLine(StartDirectory.Path)} is not inside a Git repository");
        var worst = 0;
        foreach (var commit in commits)
        {
            worst = Math.Max(worst, CheckCommand.Run(options with { Revision = commit, Paths = [top] }, stdout, stderr));
        }

        return worst;
    }

    /// <summary>
    /// The commit pre-commit says is pushed: PRE_COMMIT_TO_REF; on a first push of a whole history it names only the
    /// local ref (PRE_COMMIT_LOCAL_BRANCH, with every file). Null when not run by pre-commit.
    /// </summary>
    private static string? FromPreCommit()
    {
        string? Variable(string name) => Environment.GetEnvironmentVariable(name) is { Length: > 0 } value ? value : null;
        return Variable("PRE_COMMIT_TO_REF") ?? Variable("PRE_COMMIT_LOCAL_BRANCH") ?? (Variable("PRE_COMMIT") is not null ? "HEAD" : null);
    }
}
