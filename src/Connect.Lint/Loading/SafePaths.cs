namespace Connect.Lint.Loading;

/// <summary>Resolves symlinks the way the kernel would, to tell whether a path stays inside a directory.</summary>
public static class SafePaths
{
    private const int MaxLinkHops = 40;

    /// <summary>The path with every symlink resolved, or null for a loop or an unresolvable link.</summary>
    public static string? RealPath(string path)
    {
        var full = Path.GetFullPath(path);
        var root = Path.GetPathRoot(full)!;
        var pending = new Stack<string>(full[root.Length..].Split(Path.DirectorySeparatorChar, StringSplitOptions.RemoveEmptyEntries).Reverse());
        var current = root;
        var hops = 0;
        while (pending.Count > 0)
        {
            var part = pending.Pop();
            if (part == ".")
            {
                continue;
            }

            if (part == "..")
            {
                current = Path.GetDirectoryName(current) ?? root;
                continue;
            }

            var next = Path.Combine(current, part);
            FileSystemInfo info = new FileInfo(next);
            if (!info.Exists && Directory.Exists(next))
            {
                info = new DirectoryInfo(next);
            }

            if (info.LinkTarget is { } target)
            {
                if (++hops > MaxLinkHops)
                {
                    return null;
                }

                var resolved = Path.IsPathRooted(target) ? target : Path.Combine(current, target);
                resolved = Path.GetFullPath(resolved);
                var resolvedRoot = Path.GetPathRoot(resolved)!;
                foreach (var piece in resolved[resolvedRoot.Length..].Split(Path.DirectorySeparatorChar, StringSplitOptions.RemoveEmptyEntries).Reverse())
                {
                    pending.Push(piece);
                }

                current = resolvedRoot;
                continue;
            }

            current = next;
        }

        return current;
    }

    /// <summary>True when <paramref name="path"/>, symlinks resolved, lies inside <paramref name="realDirectory"/>.</summary>
    public static bool StaysInside(string path, string realDirectory)
    {
        var real = RealPath(path);
        return real is not null && (real == realDirectory || real.StartsWith(realDirectory.TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar, StringComparison.Ordinal));
    }
}
