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
            IEnumerable<FileSystemInfo> entries;
            try
            {
                entries = new DirectoryInfo(Path.Combine(root, relativeDirectory)).EnumerateFileSystemInfos().ToList();
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                excluded.Add(new ExcludedPath(relativeDirectory, $"directory could not be read: {e.Message}"));
                continue;
            }

            foreach (var entry in entries)
            {
                var relative = relativeDirectory.Length == 0 ? entry.Name : relativeDirectory + "/" + entry.Name;
                if (entry is DirectoryInfo directory)
                {
                    if (directory.LinkTarget is not null)
                    {
                        excluded.Add(new ExcludedPath(relative, "symlinked directory (not followed)"));
                        continue;
                    }

                    var isVenv = IsVirtualEnvironment(directory.FullName);
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

                if ((Classify(entry, relative, realRoot, excludes) ?? configured?.Reason(entry.FullName)) is { } fileReason)
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

    /// <summary>A directory is a virtual environment when it has pyvenv.cfg or bin/python (rsconnect's test).</summary>
    public static bool IsVirtualEnvironment(string directory) =>
        File.Exists(Path.Combine(directory, "pyvenv.cfg")) || File.Exists(Path.Combine(directory, "bin", "python"));

    private static string? Classify(FileSystemInfo entry, string relative, string realRoot, IReadOnlyList<RsconnectGlob> excludes)
    {
        if (PathExclusions.FileReason(relative) is { } reason)
        {
            return reason;
        }

        if (excludes.FirstOrDefault(glob => glob.Matches(relative)) is { } glob)
        {
            return $"--exclude {glob.Pattern}";
        }

        if (entry.LinkTarget is not null)
        {
            if (!SafePaths.StaysInside(entry.FullName, realRoot))
            {
                return "symlink leading outside the deployment (not read)";
            }

            if (!File.Exists(entry.FullName))
            {
                return "broken symlink";
            }
        }
        if (entry is not FileInfo || !FileKinds.IsRegularFile(entry.FullName))
        {
            return "not a regular file (a FIFO, socket or device is never read)";
        }

        return null;
    }
}
