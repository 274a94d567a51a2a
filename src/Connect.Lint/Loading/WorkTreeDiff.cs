using Connect.Lint.Rules.Model;

namespace Connect.Lint.Loading;

/// <summary>
/// Which files Connect would deploy differ between a deployment's work tree and a commit: <c>git diff COMMIT</c>
/// (staged or not: the commit is what counts) and the untracked files that are not ignored. Files no deployment holds
/// (bytecode, secrets files, virtual environments) are left out, as the inventory leaves them out.
/// </summary>
public static class WorkTreeDiff
{
    /// <param name="gitDirectory">A directory of the repository git runs in.</param>
    /// <param name="deployment">The deployment's path in the repository ("" for its top; it may be gone from the work tree),
    /// or null for <paramref name="gitDirectory"/> itself.</param>
    /// <param name="untracked">The untracked deployable files when the caller knows them; null asks git.</param>
    /// <returns>The changes, relative to the deployment; null when git could not compare (no such commit yet).</returns>
    public static IReadOnlyList<WorkTreeChange>? Against(string gitDirectory, string revision, string? deployment, IEnumerable<string>? untracked)
    {
        var prefix = PrefixOf(deployment ?? string.Empty);
        var scope = deployment is null ? "." : $":(top,literal){deployment}";
        string[] relative = deployment is null ? ["--relative"] : [];
        var diff = GitCli.Run(gitDirectory, ["diff", "--no-ext-diff", "--no-renames", "--ignore-submodules", "--name-status", "-z", .. relative, revision, "--", scope]);
        if (diff is null)
        {
            return null;
        }

        var changes = new List<WorkTreeChange>();
        var fields = diff.Split('\0');
        for (var i = 0; i + 1 < fields.Length; i += 2)
        {
            var kind = fields[i] switch { "A" => WorkTreeChangeKind.Added, "D" => WorkTreeChangeKind.Deleted, _ => WorkTreeChangeKind.Modified };
            if (fields[i + 1].StartsWith(prefix, StringComparison.Ordinal) && fields[i + 1][prefix.Length..] is var path && IsDeployable(path))
            {
                changes.Add(new WorkTreeChange(path, kind));
            }
        }

        var others = untracked ?? Below(prefix, GitCli.Run(gitDirectory, ["ls-files", "-z", "--others", "--exclude-standard", "--full-name", "--", scope]));
        changes.AddRange(others.Where(IsDeployable).Select(p => new WorkTreeChange(p, WorkTreeChangeKind.Untracked)));
        return changes.DistinctBy(c => c.Path).OrderBy(c => c.Path, StringComparer.Ordinal).ToList();
    }

    /// <summary>The files below the deployment that .gitignore keeps out of any commit (whole ignored directories left out), relative to it.</summary>
    public static IReadOnlySet<string> Ignored(string gitDirectory, string deployment)
    {
        var listing = GitCli.Run(gitDirectory, ["ls-files", "-z", "--others", "--ignored", "--exclude-standard", "--directory", "--full-name", "--", $":(top,literal){deployment}"]);
        // Ignored directories ("a/b/x/", or the deployment itself: "") are left out, files kept.
        return Below(PrefixOf(deployment), listing).Where(p => p.Length > 0 && !p.EndsWith('/') && IsDeployable(p)).ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>"a/b/" for a deployment at a/b, "" for the repository's top.</summary>
    private static string PrefixOf(string deployment) => deployment.Length == 0 ? string.Empty : deployment.TrimEnd('/') + "/";

    /// <summary>The paths of git's NUL-separated listing (repository-relative) that are below the prefix, relative to it.</summary>
    private static IEnumerable<string> Below(string prefix, string? listing) =>
        (listing ?? string.Empty).Split('\0', StringSplitOptions.RemoveEmptyEntries)
            .Where(p => p.StartsWith(prefix, StringComparison.Ordinal)).Select(p => p[prefix.Length..]);

    private static bool IsDeployable(string path)
    {
        var parts = path.Split('/');
        for (var i = 1; i < parts.Length; i++)
        {
            if (PathExclusions.DirectoryReason(string.Join('/', parts, 0, i), isVirtualEnvironment: false) is not null)
            {
                return false;
            }
        }

        return PathExclusions.FileReason(path) is null;
    }
}
