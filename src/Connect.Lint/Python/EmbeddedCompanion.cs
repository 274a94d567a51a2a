using System.Diagnostics;
using System.Runtime.CompilerServices;

namespace Connect.Lint.Python;

/// <summary>
/// pythonnet needs a JIT, which a Native AOT build has not. So the AOT build, asked for the embedded host, runs the whole
/// command again in the framework-dependent build shipped beside it (embedded/connect-lint.dll, started with dotnet),
/// before it has printed anything; the companion's output and exit code are the command's. It costs the JIT build's
/// start-up (see README, Speed).
/// </summary>
public static class EmbeddedCompanion
{
    /// <summary>Whether this build can host pythonnet itself.</summary>
    public static bool InProcess => RuntimeFeature.IsDynamicCodeSupported;

    /// <summary>The companion to hand the command to: only in a build without a JIT, when some deployment asks for the embedded host.</summary>
    public static string? NeededFor(Func<IEnumerable<string>> pythonHosts)
    {
        if (InProcess || !pythonHosts().Contains("embedded"))
        {
            return null;
        }

        var companion = CompanionPath();
        return File.Exists(companion) ? companion : null;
    }

    /// <summary>
    /// The companion for a command that needs a JIT whatever its options — the language server (StreamJsonRpc binds its
    /// handlers by reflection) — or null when this build has a JIT.
    /// </summary>
    public static string? NeededForJitOnlyCommand(string command)
    {
        if (InProcess)
        {
            return null;
        }

        var companion = CompanionPath();
        return File.Exists(companion) ? companion : throw new UsageException($"{command} needs the framework-dependent companion {companion}, which is missing; reinstall the tool");
    }

    /// <summary>
    /// Where the companion is: beside the binary (the .NET tool's layout), else in the prefix's share/connect-lint (the
    /// wheel's: pip puts the binary in bin/ and the companion's files in share/).
    /// </summary>
    private static string CompanionPath()
    {
        var beside = Path.Combine(AppContext.BaseDirectory, "embedded", "connect-lint.dll");
        var shared = Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "..", "share", "connect-lint", "embedded", "connect-lint.dll"));
        return !File.Exists(beside) && File.Exists(shared) ? shared : beside;
    }

    /// <summary>Runs this process's command line in the companion, with this process's standard streams; its exit code.</summary>
    public static int Run(string companion)
    {
        var start = new ProcessStartInfo("dotnet") { UseShellExecute = false };
        start.ArgumentList.Add(companion);
        foreach (var argument in Environment.GetCommandLineArgs().Skip(1))
        {
            start.ArgumentList.Add(argument);
        }

        try
        {
            using var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start");
            using var tracked = Processes.ChildProcesses.Track(process, ownGroup: false);
            process.WaitForExit();
            return process.ExitCode;
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new UsageException($"--python-host embedded: this build runs it in {companion} with dotnet, which could not be started ({e.Message}); use --python-host process");
        }
    }
}
