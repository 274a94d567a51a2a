using Connect.Lint.Fixing;
using Connect.Lint.Loading;

namespace Connect.Lint.Commands;

/// <summary>
/// <c>connect-lint install-hook pre-push</c>: Git's own pre-push hook, for users without pre-commit. It writes the
/// hooks directory Git uses (core.hooksPath honoured), and never replaces a hook it did not write.
/// </summary>
public static class InstallHookCommand
{
    /// <summary>The line that marks a hook as this tool's (so that installing again rewrites it).</summary>
    private const string Marker = "# Written by 'connect-lint install-hook pre-push'";

    public static int Run(IReadOnlyList<string> checkArguments, TextWriter stderr)
    {
        var start = StartDirectory.Path;
        var hooks = GitCli.Run(start, ["rev-parse", "--git-path", "hooks"], asConfigured: true)?.TrimEnd('\n')
                    ?? throw new UsageException($"install-hook: {Reporting.DisplayPath.ForLine(start)} is not inside a Git repository");
        var directory = Path.GetFullPath(hooks, start);
        var hook = Path.Combine(directory, "pre-push");
        if (File.Exists(hook) && !File.ReadAllText(hook).Contains(Marker, StringComparison.Ordinal))
        {
            throw new UsageException(
                $"install-hook: {Reporting.DisplayPath.ForLine(hook)} is another pre-push hook: it was left as it is; add the line 'connect-lint pre-push \"$@\" || exit 1' to it " +
                "(before any exec), or use pre-commit's connect-lint-pre-push hook");
        }

        var arguments = string.Concat(checkArguments.Select(a => " " + ShellQuoted(a)));
        try
        {
            Directory.CreateDirectory(directory);
            AtomicFile.WriteText(hook,
                "#!/bin/sh\n" +
                Marker + ": checks the commits being pushed as Connect will clone them.\n" +
                "# Delete this file to stop it; 'git push --no-verify' skips it once.\n" +
                $"exec {ShellQuoted(ToolCommand())} pre-push{arguments} \"$@\"\n");
            if (!OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(hook, File.GetUnixFileMode(hook) | UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new UsageException($"install-hook: {Reporting.DisplayPath.ForLine(hook)} could not be written ({e.Message.TrimEnd('.')})");
        }

        stderr.WriteLine($"connect-lint: wrote {Reporting.DisplayPath.ForLine(hook)}: 'git push' now checks the commits it pushes");
        return 0;
    }

    /// <summary>This tool as the hook runs it: its own executable when it is one (an installed tool), else connect-lint from PATH.</summary>
    private static string ToolCommand() =>
        Environment.ProcessPath is { } path && Path.GetFileNameWithoutExtension(path) == "connect-lint" ? path : "connect-lint";

    private static string ShellQuoted(string text) =>
        text.Length > 0 && text.All(c => char.IsAsciiLetterOrDigit(c) || "-_./=:@%+,".Contains(c)) ? text : "'" + text.Replace("'", "'\\''") + "'";
}
