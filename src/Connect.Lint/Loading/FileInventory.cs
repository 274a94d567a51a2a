using System.IO.Enumeration;
using Connect.Lint.Rules.Model;

namespace Connect.Lint.Loading;

/// <summary>The deployable files of a directory, what was left out and why, and where virtualenvs are.</summary>
public sealed record Inventory(IReadOnlyList<string> Files, IReadOnlyList<ExcludedPath> Excluded, IReadOnlySet<string> VirtualEnvironments);

/// <summary>
/// Walks a deployment directory without following directory symlinks (so loops cannot happen), leaving out
/// what <see cref="PathExclusions"/> and the user's --exclude patterns say, and files that lead outside.
/// </summary>
public static class FileInventory
{
    public static Inventory Build(string root, string realRoot, IReadOnlyList<RsconnectGlob> excludes, ConfigExclusions? configured = null)
    {
        var files = new List<string>();
        var excluded = new List<ExcludedPath>();
        var venvs = new HashSet<string>(StringComparer.Ordinal);
        var pending = new Stack<string>();
        pending.Push(string.Empty);
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

            foreach (var entry in entries)
            {
                var relative = relativeDirectory.Length == 0 ? entry.Name : relativeDirectory + "/" + entry.Name;
                var full = Path.Combine(root, relative);
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

                    if (PathExclusions.DirectoryReason(relative, isVenv) is { } reason)
                    {
                        excluded.Add(new ExcludedPath(relative + "/", reason));
                    }
                    else
                    {
                        pending.Push(relative);
                    }

                    continue;
                }

                if ((Classify(full, entry.IsLink, relative, realRoot, excludes) ?? configured?.Reason(full)) is { } fileReason)
                {
                    excluded.Add(new ExcludedPath(relative, fileReason));
                }
                else
                {
                    files.Add(relative);
                }
            }
        }

        files.Sort(StringComparer.Ordinal);
        excluded.Sort((a, b) => string.CompareOrdinal(a.RelativePath, b.RelativePath));
        return new Inventory(files, excluded, venvs);
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
                return "symlink leading outside the deployment (not read)";
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
