using System.Diagnostics;
using Connect.Lint.Rules.Model;

namespace Connect.Lint.Loading;

/// <summary>
/// Reads the Git state of a deployment with the git command (always on a machine that deploys from Git, and
/// no native library to ship). Process start-up is the cost, so it asks as little as it can: one
/// <c>ls-files</c> for what is tracked (it fails outside a repository); <c>check-ignore</c> only when some
/// files are not tracked; <c>check-attr</c> only when a .gitattributes mentions LFS.
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
        return (new GitFacts(directory, tracked, ignored, untracked, LfsFiles(directory, tracked)), null);
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

    /// <summary>Each git call may take this long; a hung filesystem or a huge index must not hold the check.</summary>
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Runs git plumbing with nothing of the repository's own configuration that could run a program or block:
    /// no fsmonitor hook, no hooks directory, no pager or credential prompt, no optional index lock.
    /// </summary>
    private static string? Git(string directory, string[] arguments, string? input = null, bool acceptExitOne = false)
    {
        try
        {
            var start = new ProcessStartInfo("git") { WorkingDirectory = directory };
            foreach (var setting in (string[])["core.quotepath=off", "core.fsmonitor=false", "core.hooksPath=/dev/null", "core.untrackedCache=false"])
            {
                start.ArgumentList.Add("-c");
                start.ArgumentList.Add(setting);
            }

            foreach (var argument in arguments)
            {
                start.ArgumentList.Add(argument);
            }

            start.Environment["GIT_TERMINAL_PROMPT"] = "0";
            start.Environment["GIT_OPTIONAL_LOCKS"] = "0";
            start.Environment["GIT_PAGER"] = "cat";
            var outcome = Processes.BoundedProcess.Run(start, Timeout, input);
            return outcome.ExitCode == 0 || (acceptExitOne && outcome.ExitCode == 1) ? outcome.Stdout : null;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return null;
        }
    }
}
