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

/// <summary>Something a text scan of the deployment's sources found, with its place.</summary>
public sealed record SourceFinding(string Kind, string FilePath, int Line, int Column, int EndColumn, string Text);

/// <summary>A file that holds or is a secret.</summary>
public sealed record SecretFile(string RelativePath, string Reason, int Line);
