using System.IO.Enumeration;
using Connect.Lint.Rules.Model;

namespace Connect.Lint.Loading;

/// <summary>The deployable files of a directory, what was left out and why, and where virtualenvs are.</summary>
public sealed record Inventory(IReadOnlyList<string> Files, IReadOnlyList<ExcludedPath> Excluded, IReadOnlySet<string> VirtualEnvironments)
{
    /// <summary>What the walk refused or could not take in (links leading out, names it cannot use, its own limits).</summary>
    public IReadOnlyList<UnreadFile> Unread { get; init; } = [];
}

/// <summary>
/// Walks a deployment directory without following directory symlinks (so loops cannot happen), leaving out
/// what <see cref="PathExclusions"/> and the user's --exclude patterns say, and files that lead outside. The
/// walk is bounded (entries and depth) and says when it stopped, so an endless or /proc-like tree cannot hold it.
/// </summary>
public static class FileInventory
{
    public const int MaxEntries = 2_000_000;
    public const int MaxDepth = 256;

    private const string LinkOutside = "symlink leading outside the deployment (not read)";

    /// <param name="named">Files named on write-manifest's command line (rsconnect's EXTRA_FILES): listed even when an
    /// --exclude glob or the configuration would leave them out, never when a fixed rule (secrets, .git, venvs) does.</param>
    public static Inventory Build(FileAccessPolicy policy, IReadOnlyList<RsconnectGlob> excludes, ConfigExclusions? configured = null, IReadOnlySet<string>? named = null)
    {
        var root = policy.Root;
        var realRoot = policy.RealRoot;
        var files = new List<string>();
        var excluded = new List<ExcludedPath>();
        var unread = new List<UnreadFile>();
        var venvs = new HashSet<string>(StringComparer.Ordinal);
        var pending = new Stack<string>();
        if (policy.Refusal(root, vetted: true) is { Kind: RefusalKind.SpecialFileSystem } refused)
        {
            unread.Add(new UnreadFile(".", refused.Reason, "nothing in it was read", UnreadKind.Refused));
        }
        else
        {
            pending.Push(string.Empty);
        }

        var entriesSeen = 0;
        while (pending.Count > 0)
        {
            var relativeDirectory = pending.Pop();
            List<Entry> entries;
            try
            {
                entries = Enumerate(Path.Combine(root, relativeDirectory));
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                excluded.Add(new ExcludedPath(relativeDirectory, $"directory could not be read: {e.Message}"));
                continue;
            }

            if ((entriesSeen += entries.Count) > MaxEntries)
            {
                unread.Add(new UnreadFile(relativeDirectory.Length == 0 ? "." : relativeDirectory,
                    $"the deployment has more than {MaxEntries:N0} files and directories", "the walk stopped here: files after it were not listed or checked", UnreadKind.Limit));
                break;
            }

            foreach (var entry in entries)
            {
                var relative = relativeDirectory.Length == 0 ? entry.Name : relativeDirectory + "/" + entry.Name;
                var full = Path.Combine(root, relative);
                if (entry.Name.Contains('\uFFFD', StringComparison.Ordinal) && !Path.Exists(full))
                {
                    unread.Add(new UnreadFile(relative, "its name is not valid UTF-8, so it cannot be opened by name", "it was not listed or checked", UnreadKind.Limit));
                    continue;
                }

                if (entry.IsDirectory)
                {
                    if (entry.IsLink)
                    {
                        excluded.Add(new ExcludedPath(relative, "symlinked directory (not followed)"));
                        continue;
                    }

                    var isVenv = IsVirtualEnvironment(full);
                    if (isVenv)
                    {
                        venvs.Add(relative);
                    }

                    if ((IsLinkedWorktree(full) ? LinkedWorktreeReason : PathExclusions.DirectoryReason(relative, isVenv)) is { } reason)
                    {
                        excluded.Add(new ExcludedPath(relative + "/", reason));
                    }
                    else if (relative.Count(c => c == '/') + 1 >= MaxDepth)
                    {
                        unread.Add(new UnreadFile(relative, $"it is nested more than {MaxDepth} directories deep", "what it holds was not listed or checked", UnreadKind.Limit));
                    }
                    else
                    {
                        pending.Push(relative);
                    }

                    continue;
                }

                var isNamed = named?.Contains(relative) == true;
                if ((Classify(full, entry.IsLink, relative, realRoot, isNamed ? [] : excludes) ?? (isNamed ? null : configured?.Reason(full))) is { } fileReason)
                {
                    excluded.Add(new ExcludedPath(relative, fileReason));
                    if (fileReason == LinkOutside)
                    {
                        unread.Add(new UnreadFile(relative, policy.Refusal(full)?.Reason ?? "it is a symlink leading outside the deployment",
                            "a Git checkout on Connect holds a link to a path the server does not have", UnreadKind.Refused));
                    }
                }
                else
                {
                    files.Add(relative);
                }
            }
        }

        files.Sort(StringComparer.Ordinal);
        excluded.Sort((a, b) => string.CompareOrdinal(a.RelativePath, b.RelativePath));
        return new Inventory(files, excluded, venvs) { Unread = unread };
    }

    private readonly record struct Entry(string Name, bool IsDirectory, bool IsLink);

    /// <summary>
    /// One directory's entries from readdir, without a FileInfo (and its stat) per file: a symlinked directory
    /// counts as a directory (and is not followed), a symlink to a file as a file.
    /// </summary>
    private static List<Entry> Enumerate(string directory)
    {
        var options = new EnumerationOptions { RecurseSubdirectories = false, IgnoreInaccessible = false, AttributesToSkip = 0, ReturnSpecialDirectories = false };
        var entries = new FileSystemEnumerable<Entry>(directory, (ref FileSystemEntry entry) =>
        {
            var isLink = (entry.Attributes & FileAttributes.ReparsePoint) != 0;
            var isDirectory = entry.IsDirectory || (isLink && Directory.Exists(entry.ToFullPath()));
            return new Entry(entry.FileName.ToString(), isDirectory, isLink);
        }, options);
        return [.. entries];
    }

    public const string LinkedWorktreeReason = "another checkout of the repository (a linked Git worktree), not part of this one";

    /// <summary>
    /// A directory that is a linked Git worktree (its .git is a file pointing into a repository's .git/worktrees): a
    /// checkout of its own, deployed from its own branch, never part of the deployment it happens to sit in.
    /// </summary>
    public static bool IsLinkedWorktree(string directory)
    {
        var link = Path.Combine(directory, ".git");
        try
        {
            if (!File.Exists(link) || new FileInfo(link).Length > 4096)
            {
                return false;
            }

            var line = File.ReadLines(link).FirstOrDefault() ?? string.Empty;
            return line.StartsWith("gitdir:", StringComparison.Ordinal) && line.Replace('\\', '/').Contains("/worktrees/", StringComparison.Ordinal);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    /// <summary>A directory is a virtual environment when it has pyvenv.cfg or bin/python (rsconnect's test).</summary>
    public static bool IsVirtualEnvironment(string directory) =>
        File.Exists(Path.Combine(directory, "pyvenv.cfg")) || File.Exists(Path.Combine(directory, "bin", "python"));

    private static string? Classify(string full, bool isLink, string relative, string realRoot, IReadOnlyList<RsconnectGlob> excludes)
    {
        if (PathExclusions.FileReason(relative) is { } reason)
        {
            return reason;
        }

        if (excludes.FirstOrDefault(glob => glob.Matches(relative)) is { } glob)
        {
            return $"--exclude {glob.Pattern}";
        }

        if (isLink)
        {
            if (!SafePaths.StaysInside(full, realRoot))
            {
                return LinkOutside;
            }

            if (!File.Exists(full))
            {
                return "broken symlink";
            }
        }

        // FIFOs, sockets and devices look like files to .NET; the loader tells them apart (statx) before reading.
        return null;
    }

}
