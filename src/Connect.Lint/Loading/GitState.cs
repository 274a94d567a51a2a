using System.Diagnostics;
using Connect.Lint.Rules.Model;

namespace Connect.Lint.Loading;

/// <summary>
/// Reads the Git state of a deployment with the git command (always on a machine that deploys from Git, and
/// no native library to ship): tracked (the index), ignored, untracked, and which files Git LFS manages.
/// </summary>
public static class GitState
{
    public static (GitFacts? Facts, string? Unavailable) Read(string directory)
    {
        var root = Git(directory, "rev-parse", "--show-toplevel");
        if (root is null)
        {
            return (null, "not inside a Git repository: the Git-backed deployment checks (CL4001, CL4003, CL4004) were skipped");
        }

        root = root.Trim();

        // Three independent questions: ask them at once.
        var trackedTask = Task.Run(() => Paths(directory, "ls-files", "-z", "--cached", "--", "."));
        var ignoredTask = Task.Run(() => Paths(directory, "ls-files", "-z", "--others", "--ignored", "--exclude-standard", "--", "."));
        var untrackedTask = Task.Run(() => Paths(directory, "ls-files", "-z", "--others", "--exclude-standard", "--", "."));
        var tracked = trackedTask.GetAwaiter().GetResult();
        var ignored = ignoredTask.GetAwaiter().GetResult();
        var untracked = untrackedTask.GetAwaiter().GetResult();
        var lfs = new HashSet<string>(StringComparer.Ordinal);
        if (tracked.Count > 0)
        {
            var attributes = Git(directory, ["check-attr", "-z", "--stdin", "filter"], string.Join('\0', tracked) + "\0") ?? string.Empty;
            var parts = attributes.Split('\0');
            for (var i = 0; i + 2 < parts.Length; i += 3)
            {
                if (parts[i + 2] == "lfs")
                {
                    lfs.Add(parts[i]);
                }
            }
        }

        return (new GitFacts(root, tracked, ignored, untracked, lfs), null);
    }

    private static HashSet<string> Paths(string directory, params string[] arguments) =>
        new((Git(directory, arguments) ?? string.Empty).Split('\0', StringSplitOptions.RemoveEmptyEntries), StringComparer.Ordinal);

    private static string? Git(string directory, params string[] arguments) => Git(directory, arguments, null);

    private static string? Git(string directory, string[] arguments, string? input)
    {
        try
        {
            var start = new ProcessStartInfo("git")
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                RedirectStandardInput = true,
                UseShellExecute = false,
                WorkingDirectory = directory,
            };
            start.ArgumentList.Add("-c");
            start.ArgumentList.Add("core.quotepath=off");
            foreach (var argument in arguments)
            {
                start.ArgumentList.Add(argument);
            }

            using var process = Process.Start(start)!;
            var writer = Task.Run(() =>
            {
                if (input is not null)
                {
                    process.StandardInput.Write(input);
                }

                process.StandardInput.Close();
            });
            var error = process.StandardError.ReadToEndAsync();
            var output = process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            writer.Wait();
            _ = error.Result;
            return process.ExitCode == 0 ? output : null;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return null;
        }
    }
}
