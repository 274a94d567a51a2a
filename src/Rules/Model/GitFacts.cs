namespace Connect.Lint.Rules.Model;

/// <summary>
/// The Git state of a deployment's files (paths relative to the deployment directory). Tracked means in the
/// index: what the commit being made, and so Connect, will have. For a check of a commit (check --rev) it is the
/// commit's files, nothing untracked or ignored.
/// </summary>
public sealed record GitFacts(
    string RepositoryRoot,
    IReadOnlySet<string> Tracked,
    IReadOnlySet<string> Ignored,
    IReadOnlySet<string> Untracked,
    IReadOnlySet<string> LfsFiles)
{
    /// <summary>How the work tree differs from the commit, in files Connect would deploy; null when Git could not tell (no commit yet).</summary>
    public WorkTreeChanges? Changes { get; init; }

    public string StateOf(string relativePath) =>
        Tracked.Contains(relativePath) ? "tracked" : Ignored.Contains(relativePath) ? "ignored" : Untracked.Contains(relativePath) ? "untracked" : "absent";
}

/// <summary>How a file of the work tree differs from the commit.</summary>
public enum WorkTreeChangeKind
{
    Modified,
    Added,
    Deleted,
    Untracked,
}

/// <summary>A file of a deployment (relative to it) that differs between the work tree and the commit.</summary>
public sealed record WorkTreeChange(string Path, WorkTreeChangeKind Kind);

/// <summary>
/// The work tree against a commit, for one deployment: <paramref name="Commit"/> names it ("HEAD", "commit 1a2b3c4d5e6f (HEAD)");
/// <paramref name="CommitChecked"/> says which of the two the check read (check --rev: the commit).
/// </summary>
public sealed record WorkTreeChanges(string Commit, bool CommitChecked, IReadOnlyList<WorkTreeChange> Files);
