using Connect.Lint.Rules.Model;

namespace Connect.Lint.Loading;

/// <summary>
/// Reads the Git state of a deployment with the git command (always on a machine that deploys from Git, and
/// no native library to ship). Process start-up is the cost, so it asks as little as it can: one
/// <c>ls-files</c> for what is tracked (it fails outside a repository); <c>check-ignore</c> only when some
/// files are not tracked; <c>check-attr</c> only when a .gitattributes mentions LFS; <c>diff HEAD</c> for what the
/// work tree changed since the last commit.
/// </summary>
public static class GitState
{
    public static (GitFacts? Facts, string? Unavailable) Read(string directory, IReadOnlyList<string> inventory)
    {
        var listing = Git(directory, ["ls-files", "-z", "--cached", "--", "."]);
        if (listing is null)
        {
            return (null, "not inside a Git repository");
        }

        var tracked = new HashSet<string>(listing.Split('\0', StringSplitOptions.RemoveEmptyEntries), StringComparer.Ordinal);
        var notTracked = inventory.Where(path => !tracked.Contains(path)).ToList();
        var ignored = new HashSet<string>(StringComparer.Ordinal);
        if (notTracked.Count > 0)
        {
            // check-ignore exits 1 when nothing is ignored: that is an answer, not a failure.
            var answer = Git(directory, ["check-ignore", "-z", "--stdin"], string.Join('\0', notTracked) + "\0", acceptExitOne: true) ?? string.Empty;
            ignored.UnionWith(answer.Split('\0', StringSplitOptions.RemoveEmptyEntries));
        }

        var untracked = new HashSet<string>(notTracked.Where(path => !ignored.Contains(path)), StringComparer.Ordinal);
        var changes = WorkTreeDiff.Against(directory, "HEAD", deployment: null, untracked) is { } files ? new WorkTreeChanges("HEAD", false, files) : null;
        return (new GitFacts(directory, tracked, ignored, untracked, LfsFiles(directory, tracked)) { Changes = changes }, null);
    }

    private static HashSet<string> LfsFiles(string directory, HashSet<string> tracked)
    {
        var lfs = new HashSet<string>(StringComparer.Ordinal);
        var policy = new FileAccessPolicy(directory);
        var mentionsLfs = tracked.Where(p => p == ".gitattributes" || p.EndsWith("/.gitattributes", StringComparison.Ordinal))
            .Select(p => policy.Read(Path.Combine(directory, p), 1024 * 1024).Bytes)
            .Any(bytes => bytes is not null && System.Text.Encoding.UTF8.GetString(bytes).Contains("lfs", StringComparison.Ordinal));
        if (!mentionsLfs)
        {
            return lfs;
        }

        var attributes = Git(directory, ["check-attr", "-z", "--stdin", "filter"], string.Join('\0', tracked) + "\0") ?? string.Empty;
        var parts = attributes.Split('\0');
        for (var i = 0; i + 2 < parts.Length; i += 3)
        {
            if (parts[i + 2] == "lfs")
            {
                lfs.Add(parts[i]);
            }
        }

        return lfs;
    }

    private static string? Git(string directory, string[] arguments, string? input = null, bool acceptExitOne = false) =>
        GitCli.Run(directory, arguments, input, acceptExitOne);
}
