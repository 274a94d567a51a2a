namespace Connect.Lint.Rules.Model;

/// <summary>
/// The Git state of a deployment's files (paths relative to the deployment directory). Tracked means in the
/// index: what the commit being made, and so Connect, will have.
/// </summary>
public sealed record GitFacts(
    string RepositoryRoot,
    IReadOnlySet<string> Tracked,
    IReadOnlySet<string> Ignored,
    IReadOnlySet<string> Untracked,
    IReadOnlySet<string> LfsFiles)
{
    public string StateOf(string relativePath) =>
        Tracked.Contains(relativePath) ? "tracked" : Ignored.Contains(relativePath) ? "ignored" : Untracked.Contains(relativePath) ? "untracked" : "absent";
}
