namespace Connect.Lint.Loading;

/// <summary>One entry of a commit's tree: its mode (100644, 100755, 120000 for a link, 160000 for a submodule) and object.</summary>
public sealed record TreeEntry(string Mode, string ObjectId)
{
    public bool IsSubmodule => Mode == "160000";

    public bool IsLink => Mode == "120000";
}

/// <summary>
/// The commit a <c>check --rev</c> describes: which it is, the files it holds, and where they are to be read. That is
/// the work tree itself when it holds exactly the commit's files there (<see cref="InPlace"/>: the check is then the
/// plain check's, answers reused), else a private copy written from Git's objects (<see cref="CommitTree"/>), deleted
/// when the check ends. Paths of the copy are shown as the repository's (<see cref="ToRepository"/>).
/// </summary>
public sealed class CheckedCommit : IDisposable
{
    internal CheckedCommit(string revision, string sha, string repositoryRoot, string root, IReadOnlyDictionary<string, TreeEntry> entries)
    {
        (Revision, Sha, RepositoryRoot, Root, Entries) = (revision, sha, repositoryRoot, root, entries);
    }

    /// <summary>The revision as the user named it (HEAD, origin/main, a SHA).</summary>
    public string Revision { get; }

    public string Sha { get; }

    /// <summary>The work tree's top directory.</summary>
    public string RepositoryRoot { get; }

    /// <summary>Where the commit's files are read: a private copy, or <see cref="RepositoryRoot"/> itself.</summary>
    public string Root { get; }

    public bool InPlace => Root == RepositoryRoot;

    /// <summary>Every file of the commit (repository-relative, '/' separators).</summary>
    public IReadOnlyDictionary<string, TreeEntry> Entries { get; }

    /// <summary>"commit 1a2b3c4d5e6f (HEAD)", as reports name it.</summary>
    public string Describe() => Reporting.CheckedRevision.Name(Sha, Revision);

    /// <summary>A path of the copy as the same path in the work tree (anything else unchanged).</summary>
    public string ToRepository(string path) => Rebase(path, Root, RepositoryRoot);

    /// <summary>A path of the work tree as the same path in the copy (anything else unchanged).</summary>
    public string ToCopy(string path) => Rebase(path, RepositoryRoot, Root);

    /// <summary>A message's mentions of the copy as the work tree's paths.</summary>
    public string InMessage(string text) => InPlace ? text : text.Replace(Root, RepositoryRoot, StringComparison.Ordinal);

    /// <summary>A diagnostic found in the copy as the work tree's: its file, its message, its fix's files.</summary>
    public Rules.Analysis.Diagnostic InRepository(Rules.Analysis.Diagnostic diagnostic)
    {
        if (InPlace)
        {
            return diagnostic;
        }

        var fix = diagnostic.Fix is { } f
            ? f with { Edits = f.Edits.Select(e => e with { FilePath = ToRepository(e.FilePath), Range = e.Range with { FilePath = ToRepository(e.Range.FilePath) } }).ToList() }
            : null;
        return diagnostic with { Location = diagnostic.Location with { FilePath = ToRepository(diagnostic.Location.FilePath) }, Message = InMessage(diagnostic.Message), Fix = fix };
    }

    /// <summary>A directory of <see cref="Root"/> as the repository names it: "" for its top, else "a/b".</summary>
    public string InRepositoryOf(string directory) => Path.GetRelativePath(Root, directory).Replace('\\', '/') is var relative && relative == "." ? string.Empty : relative;

    /// <summary>The commit's files in a directory of <see cref="Root"/>, relative to it.</summary>
    public IReadOnlySet<string> FilesIn(string directory)
    {
        var relative = InRepositoryOf(directory);
        var prefix = relative.Length == 0 ? string.Empty : relative + "/";
        return Entries.Where(e => !e.Value.IsSubmodule && e.Key.StartsWith(prefix, StringComparison.Ordinal))
            .Select(e => e.Key[prefix.Length..]).ToHashSet(StringComparer.Ordinal);
    }

    private static string Rebase(string path, string from, string to)
    {
        if (from == to)
        {
            return path;
        }

        if (path == from)
        {
            return to;
        }

        return path.StartsWith(from + Path.DirectorySeparatorChar, StringComparison.Ordinal) ? to + path[from.Length..] : path;
    }

    public void Dispose()
    {
        if (InPlace)
        {
            return;
        }

        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // A file the import left open or read-only: the temporary directory is cleaned by the system later.
        }
    }
}
