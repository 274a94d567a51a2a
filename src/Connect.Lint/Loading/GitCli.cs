using System.Diagnostics;

namespace Connect.Lint.Loading;

/// <summary>
/// The git command as the tool runs it: plumbing with nothing of the repository's own configuration that could run a
/// program or block (no fsmonitor hook, no hooks directory, no pager or credential prompt, no optional index lock),
/// under a deadline. Always there on a machine that deploys from Git, and no native library to ship.
/// </summary>
public static class GitCli
{
    /// <summary>Each git call may take this long; a hung filesystem or a huge index must not hold the check.</summary>
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    private static readonly string[] SafeSettings = ["core.quotepath=off", "core.fsmonitor=false", "core.hooksPath=/dev/null", "core.untrackedCache=false"];

    /// <summary>git's standard output, or null when it failed (exit 1 is an answer when <paramref name="acceptExitOne"/>) or is not installed.</summary>
    /// <param name="asConfigured">Keep the repository's own hooks directory: for asking where it is, never for running git's work.</param>
    public static string? Run(string directory, IReadOnlyList<string> arguments, string? input = null, bool acceptExitOne = false, bool asConfigured = false)
    {
        try
        {
            var outcome = Processes.BoundedProcess.Run(StartInfo(directory, arguments, asConfigured), Timeout, input);
            return outcome.ExitCode == 0 || (acceptExitOne && outcome.ExitCode == 1) ? outcome.Stdout : null;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return null;
        }
    }

    /// <summary>git's standard output and error tail, and whether it succeeded: for messages that must say why.</summary>
    public static (bool Succeeded, string Stdout, string Stderr) RunWithError(string directory, IReadOnlyList<string> arguments)
    {
        try
        {
            var outcome = Processes.BoundedProcess.Run(StartInfo(directory, arguments), Timeout);
            return (outcome.Succeeded, outcome.Stdout, outcome.StderrTail.Trim());
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return (false, string.Empty, "git is not installed (not on PATH)");
        }
    }

    /// <summary>A git process as every call starts it; the caller redirects what it needs.</summary>
    public static ProcessStartInfo StartInfo(string directory, IReadOnlyList<string> arguments, bool asConfigured = false)
    {
        var start = new ProcessStartInfo("git") { WorkingDirectory = directory };
        foreach (var setting in SafeSettings.Where(s => !asConfigured || !s.StartsWith("core.hooksPath=", StringComparison.Ordinal)))
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
        return start;
    }
}
