using Connect.Lint.Rules.Model;
using Connect.Lint.Rules.Model.Manifest;

namespace Connect.Lint.Loading;

/// <summary>A directory to check, and whether the user named it (so it is a deployment even without a manifest).</summary>
public sealed record DeploymentTarget(string Directory, bool NamedExplicitly)
{
    /// <summary>The commit the directory's files are from (check --rev); null for the work tree.</summary>
    public CheckedCommit? Commit { get; init; }
}

/// <summary>
/// Turns the PATHs given to <c>check</c> into deployment directories: a directory holding manifest.json is one;
/// otherwise every directory below it holding a Connect manifest is one; when there is none, the PATH itself is.
/// A file stands for the deployment it is in (the nearest manifest.json above it, up to the repository root), so
/// that pre-commit's list of changed files checks exactly the deployments a commit touches. A file in no deployment
/// of a repository that has some (a README beside the services) names none; in a repository with no manifest yet,
/// its directory is the deployment (manifest-missing then says what is missing).
/// </summary>
public static class DeploymentDiscovery
{
    public static IReadOnlyList<DeploymentTarget> Find(IEnumerable<string> paths) => Find(paths, out _);

    /// <param name="outsideDeployments">The files given that are in no deployment (not checked).</param>
    public static IReadOnlyList<DeploymentTarget> Find(IEnumerable<string> paths, out IReadOnlyList<string> outsideDeployments)
    {
        var targets = new List<DeploymentTarget>();
        var outside = new List<string>();
        var deploymentsBelow = new Dictionary<string, bool>(StringComparer.Ordinal);
        outsideDeployments = outside;
        foreach (var path in paths)
        {
            if (path.Trim().Length == 0)
            {
                throw new UsageException("PATH '': an empty path names nothing (use '.' for the current directory)");
            }

            var full = StartDirectory.FullPathOf(path);
            if (FileAccessPolicy.IsOnSpecialFileSystem(SafePaths.RealPath(full) ?? full))
            {
                throw new UsageException($"{Reporting.DisplayPath.ForLine(full)}: is on a special file system (/proc, /sys, /dev), not a project");
            }

            if (File.Exists(full))
            {
                if (NearestManifestDirectory(full) is { } deployment)
                {
                    targets.Add(new DeploymentTarget(deployment, true));
                }
                else if (HasDeployments(RepositoryRootOf(full), deploymentsBelow))
                {
                    outside.Add(path);
                }
                else
                {
                    targets.Add(new DeploymentTarget(Path.GetDirectoryName(full)!, true));
                }

                continue;
            }

            if (!Directory.Exists(full))
            {
                throw new UsageException($"{Reporting.DisplayPath.ForLine(full)}: no such file or directory");
            }

            if (File.Exists(Path.Combine(full, "manifest.json")) || Directory.Exists(Path.Combine(full, "manifest.json")))
            {
                targets.Add(new DeploymentTarget(full, true));
                continue;
            }

            var found = FindBelow(full);
            targets.AddRange(found.Count > 0 ? found.Select(d => new DeploymentTarget(d, false)) : [new DeploymentTarget(full, true)]);
        }

        return targets.DistinctBy(t => t.Directory).OrderBy(t => t.Directory, StringComparer.Ordinal).ToList();
    }

    private static bool HasDeployments(string root, Dictionary<string, bool> known)
    {
        if (!known.TryGetValue(root, out var has))
        {
            known[root] = has = FindBelow(root).Count > 0;
        }

        return has;
    }

    /// <summary>The directory holding .git above the file, or the directory the command started in.</summary>
    private static string RepositoryRootOf(string file)
    {
        for (var directory = Path.GetDirectoryName(file); directory is not null; directory = Path.GetDirectoryName(directory))
        {
            if (Directory.Exists(Path.Combine(directory, ".git")) || File.Exists(Path.Combine(directory, ".git")))
            {
                return directory;
            }
        }

        return StartDirectory.Path;
    }

    private static string? NearestManifestDirectory(string file)
    {
        for (var directory = Path.GetDirectoryName(file); directory is not null; directory = Path.GetDirectoryName(directory))
        {
            if (File.Exists(Path.Combine(directory, "manifest.json")))
            {
                return directory;
            }

            if (Directory.Exists(Path.Combine(directory, ".git")))
            {
                break;
            }
        }

        return null;
    }

    private static List<string> FindBelow(string root)
    {
        var found = new List<string>();
        var pending = new Stack<string>();
        pending.Push(root);
        while (pending.Count > 0)
        {
            var directory = pending.Pop();
            IEnumerable<DirectoryInfo> children;
            try
            {
                children = new DirectoryInfo(directory).EnumerateDirectories().ToList();
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                continue;
            }

            foreach (var child in children)
            {
                var relative = Path.GetRelativePath(root, child.FullName).Replace('\\', '/');
                if (child.LinkTarget is not null || FileAccessPolicy.IsOnSpecialFileSystem(child.FullName) || FileInventory.IsLinkedWorktree(child.FullName) ||
                    PathExclusions.DirectoryReason(relative, FileInventory.IsVirtualEnvironment(child.FullName)) is not null)
                {
                    continue;
                }

                if (IsConnectManifestFile(Path.Combine(child.FullName, "manifest.json")))
                {
                    found.Add(child.FullName);
                }
                else
                {
                    pending.Push(child.FullName);
                }
            }
        }

        return found;
    }

    /// <summary>A manifest.json counts when it is Connect's, or when it is broken (then manifest-invalid-json says so).</summary>
    private static bool IsConnectManifestFile(string path)
    {
        if (!File.Exists(path))
        {
            return false;
        }

        // Through the policy, bounded: a manifest.json linked to a device or a huge file is a deployment (the loader says why), not a read.
        var read = new FileAccessPolicy(Path.GetDirectoryName(path)!).Read(path, DeploymentLoader.MaxManifestBytes);
        return read.Bytes is not { } bytes || (ManifestLoad.FromBytes(path, bytes).Manifest?.IsConnectManifest ?? true);
    }
}
