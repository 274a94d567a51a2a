using System.Diagnostics;
using System.Text;
using Xunit;

namespace Connect.Lint.Tests;

/// <summary>
/// Test classes run in parallel, four at a time (xunit.runner.json: most of a test's time is a child process's), each
/// command with its own start directory (none changes the process's). The few that measure time or the process
/// itself (file watching, the language server's timing, signals, time limits, editors, the shipped tool) run in
/// this collection, alone, after the others.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class Alone
{
    public const string Name = "alone";
}

/// <summary>The outcome of one in-process run of the command line.</summary>
public sealed record CliRun(int ExitCode, string Stdout, string Stderr);

/// <summary>
/// A throw-away copy of a fixture in a temporary directory, laid out as <c>&lt;root&gt;/project</c>; commands start
/// in root (their start directory, not the process's working directory), so reported paths read <c>project/…</c> in every snapshot.
/// </summary>
public sealed class TempProject : IDisposable
{
    private TempProject(string root)
    {
        Root = root;
        Directory = Path.Combine(root, "project");
        System.IO.Directory.CreateDirectory(Directory);
    }

    public string Root { get; }

    public string Directory { get; }

    public static TempProject Empty() =>
        new(Path.Combine(Path.GetTempPath(), "connect-lint-tests", Guid.NewGuid().ToString("N")));

    public static TempProject FromFixture(string relativeFixture)
    {
        var project = Empty();
        CopyDirectory(Path.Combine(Fixtures.Root, relativeFixture), project.Directory);
        return project;
    }

    public string PathOf(string relative) => Path.Combine(Directory, relative);

    public void Write(string relative, string text) => WriteBytes(relative, Encoding.UTF8.GetBytes(text));

    public void WriteBytes(string relative, byte[] bytes)
    {
        var path = PathOf(relative);
        System.IO.Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, bytes);
    }

    public string Read(string relative) => File.ReadAllText(PathOf(relative));

    public CliRun Run(params string[] args)
    {
        var stdout = new StringWriter { NewLine = "\n" };
        var stderr = new StringWriter { NewLine = "\n" };
        var exit = CommandLine.Run(args, stdout, stderr, startDirectory: Root);
        return new CliRun(exit, stdout.ToString(), stderr.ToString());
    }

    public void Dispose()
    {
        try
        {
            System.IO.Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    private static void CopyDirectory(string source, string target)
    {
        System.IO.Directory.CreateDirectory(target);
        foreach (var file in System.IO.Directory.GetFiles(source))
        {
            File.Copy(file, Path.Combine(target, Path.GetFileName(file)));
        }

        foreach (var directory in System.IO.Directory.GetDirectories(source))
        {
            CopyDirectory(directory, Path.Combine(target, Path.GetFileName(directory)));
        }
    }
}

/// <summary>Where the repository's fixtures are (tests read them from the source tree).</summary>
public static class Fixtures
{
    public static string RepositoryRoot { get; } = FindRepositoryRoot();

    public static string Root => Path.Combine(RepositoryRoot, "tests", "Connect.Lint.Tests", "Fixtures");

    private static string FindRepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Connect.Lint.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("Connect.Lint.sln not found above the test assembly");
    }
}

/// <summary>
/// The real interpreter the Python-dependent tests use: Debian's /usr/bin/python3 (the machine's python3 on
/// PATH may be another one). Missing, the test fails: .ci/run installs it, so nothing is silently skipped.
/// </summary>
public static class TestPython
{
    public const string Path = "/usr/bin/python3";

    private static readonly Lazy<(string Python, string Pip)> Versions = new(() =>
    {
        Assert.True(File.Exists(Path), $"{Path} is missing: run .ci/run (it installs python3, python3-pip and python3-flask)");
        var start = new ProcessStartInfo(Path, ["-I", "-c", "import sys, importlib.metadata as m; print('%d.%d.%d' % sys.version_info[:3], m.version('pip'))"])
        {
            RedirectStandardOutput = true,
            WorkingDirectory = System.IO.Path.GetTempPath(), // the embedded host moves the process's directory while it imports
        };
        using var process = Process.Start(start)!;
        var parts = process.StandardOutput.ReadToEnd().Split(' ', StringSplitOptions.TrimEntries);
        process.WaitForExit();
        Assert.True(process.ExitCode == 0 && parts.Length == 2, $"{Path} has no pip: install python3-pip");
        return (parts[0], parts[1]);
    });

    public static string PythonVersion => Versions.Value.Python;

    public static string PipVersion => Versions.Value.Pip;
}

/// <summary>
/// The built tool run as a process of its own: for what an in-process run cannot show — several runs at once,
/// another user, the processes a run leaves behind.
/// </summary>
public static class ToolProcess
{
    private static string Dll => Path.Combine(AppContext.BaseDirectory, "connect-lint.dll");

    /// <param name="asNobody">Run as the unprivileged user 'nobody' (setpriv), so file permissions apply.</param>
    public static CliRun Run(string workingDirectory, string[] arguments, bool asNobody = false)
    {
        var start = asNobody ? new ProcessStartInfo("setpriv") : new ProcessStartInfo("dotnet");
        if (asNobody)
        {
            foreach (var argument in (string[])["--reuid=65534", "--regid=65534", "--clear-groups", "dotnet"])
            {
                start.ArgumentList.Add(argument);
            }

            start.Environment["DOTNET_CLI_HOME"] = Path.GetTempPath();
            start.Environment["HOME"] = Path.GetTempPath();
        }

        start.ArgumentList.Add(Dll);
        return Run(start, workingDirectory, arguments);
    }

    /// <summary>The test build with some environment variables set (a value of null removes the variable).</summary>
    public static CliRun RunWithEnvironment(string workingDirectory, string[] arguments, IReadOnlyDictionary<string, string?> environment)
    {
        var start = new ProcessStartInfo("dotnet");
        foreach (var (name, value) in environment)
        {
            if (value is null)
            {
                start.Environment.Remove(name);
            }
            else
            {
                start.Environment[name] = value;
            }
        }

        start.ArgumentList.Add(Dll);
        return Run(start, workingDirectory, arguments);
    }

    /// <summary>Any build of the tool (the installed one, say) with these arguments, as <see cref="Run(string, string[], bool)"/> runs the test build.</summary>
    public static CliRun RunProgram(string program, string workingDirectory, string[] arguments) =>
        Run(new ProcessStartInfo(program), workingDirectory, arguments);

    private static CliRun Run(ProcessStartInfo start, string workingDirectory, string[] arguments)
    {
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.WorkingDirectory = workingDirectory;
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return new CliRun(process.ExitCode, stdout, stderr.Result);
    }

    /// <summary>Makes a project's directories passable and its files readable for 'nobody' (temporary directories are root's).</summary>
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public static void OpenTo(string root)
    {
        for (var directory = new DirectoryInfo(root); directory is not null && directory.FullName != Path.GetTempPath().TrimEnd('/'); directory = directory.Parent)
        {
            File.SetUnixFileMode(directory.FullName, File.GetUnixFileMode(directory.FullName) | UnixFileMode.OtherExecute | UnixFileMode.OtherRead | UnixFileMode.OtherWrite);
        }

        foreach (var entry in Directory.EnumerateFileSystemEntries(root, "*", SearchOption.AllDirectories))
        {
            File.SetUnixFileMode(entry, File.GetUnixFileMode(entry) | UnixFileMode.OtherRead | UnixFileMode.OtherWrite | (Directory.Exists(entry) ? UnixFileMode.OtherExecute : 0));
        }
    }
}

/// <summary>git in a test repository; a failure fails the test with git's message.</summary>
public static class TestGit
{
    public static void Run(string directory, params string[] arguments)
    {
        var start = new ProcessStartInfo("git") { WorkingDirectory = directory, RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, process.StandardError.ReadToEnd());
    }

    /// <summary>A first commit of what is staged, by a test author.</summary>
    public static void Commit(string directory) =>
        Run(directory, "-c", "user.email=t@example.com", "-c", "user.name=t", "commit", "-q", "-m", "test");
}
