using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using Connect.Lint.Caching;
using Connect.Lint.Output;
using Connect.Lint.Processes;
using Connect.Lint.Rules.Model.Rehearsal;

namespace Connect.Lint.Rehearsal;

/// <summary>What the rehearsal's environment needs: the interpreter to make it with, and the requirements to install into it.</summary>
/// <param name="RequirementsFiles">The package file first, then every file it includes (-r, -c), as full paths with their text.</param>
public sealed record EnvironmentRequest(
    string Interpreter, string Directory, string PackageFile, IReadOnlyList<(string Path, string Text)> RequirementsFiles, TimeSpan InstallTimeout, bool UseCache);

/// <summary>
/// A fresh virtual environment with the deployment's requirements installed by pip, as Connect makes one at deploy time:
/// made with the chosen interpreter, without system site-packages, pip honouring the user's pip configuration and PIP_*
/// environment. Environments are kept under the tool's cache (rehearsals/KEY) by the interpreter and the requirements
/// text, reused while both are unchanged (as Connect reuses its environments), least recently used first out past a
/// size limit; with --no-cache one is made in a temporary directory and removed after the run.
/// </summary>
public sealed class RehearsalEnvironment : IDisposable
{
    /// <summary>The size the kept environments may take together, unless CONNECT_LINT_REHEARSAL_CACHE_MB says otherwise.</summary>
    private const long DefaultCacheLimitMegabytes = 4096;

    private static readonly TimeSpan VenvTimeout = TimeSpan.FromMinutes(3);
    private static readonly TimeSpan LockPatience = TimeSpan.FromMinutes(30);

    /// <summary>Environment variables that would send pip's install or Python's imports somewhere other than the fresh environment.</summary>
    private static readonly string[] Misdirecting = ["PYTHONPATH", "PYTHONHOME", "PYTHONUSERBASE", "VIRTUAL_ENV", "PIP_TARGET", "PIP_PREFIX", "PIP_ROOT", "PIP_USER", "PIP_REQUIRE_VIRTUALENV", "CONDA_PREFIX"];

    private readonly string? _temporary;

    private RehearsalEnvironment(string root, string? temporary)
    {
        Root = root;
        _temporary = temporary;
    }

    /// <summary>The environment's directory (its interpreter is bin/python).</summary>
    public string Root { get; }

    public string Python => Path.Combine(Root, "bin", "python");

    public bool Reused { get; private init; }

    public IReadOnlyList<InstallProblem> Problems { get; private init; } = [];

    /// <summary>Why no environment could be made (no venv module, a time limit); null when it was.</summary>
    public string? Failure { get; private init; }

    public string? PythonVersion { get; private init; }

    public double EnvironmentSeconds { get; private init; }

    public double InstallSeconds { get; private init; }

    public static string CacheDirectory => Path.Combine(ToolCache.Directory, "rehearsals");

    /// <summary>Reuses the kept environment for these inputs, or makes and installs one.</summary>
    public static RehearsalEnvironment Prepare(EnvironmentRequest request)
    {
        if (!request.UseCache)
        {
            var temporary = Path.Combine(Path.GetTempPath(), $"connect-lint-rehearsal-{Guid.NewGuid():N}");
            return Build(request, Path.Combine(temporary, "env"), temporary);
        }

        var directory = Path.Combine(CacheDirectory, Key(request));
        Directory.CreateDirectory(CacheDirectory);
        using var held = Lock(directory + ".lock");
        var ready = Path.Combine(directory, "ready");
        var root = Path.Combine(directory, "env");
        if (File.Exists(ready) && File.Exists(Path.Combine(root, "bin", "python")))
        {
            File.SetLastWriteTimeUtc(ready, DateTime.UtcNow); // least recently used goes first
            return new RehearsalEnvironment(root, null) { Reused = true, PythonVersion = VersionOf(root) };
        }

        DeleteQuietly(directory); // what a run that was cut short left
        var built = Build(request, root, null);
        if (built.Failure is null && built.Problems.Count == 0)
        {
            File.WriteAllText(ready, string.Empty);
            Evict(keep: directory);
        }
        else
        {
            DeleteQuietly(directory); // a failed install is tried again next time: the index may have changed
        }

        return built;
    }

    private static RehearsalEnvironment Build(EnvironmentRequest request, string root, string? temporary)
    {
        var clock = Stopwatch.StartNew();
        ProgressLine.Activity("making a fresh environment");
        var venv = Run(request.Interpreter, ["-m", "venv", root], request.Directory, VenvTimeout);
        var environmentSeconds = clock.Elapsed.TotalSeconds;
        if (!venv.Succeeded)
        {
            var why = venv.TimedOut ? $"it did not finish in {VenvTimeout.TotalSeconds:0} s" : LastLine(venv.StderrTail + "\n" + venv.Stdout);
            return new RehearsalEnvironment(root, temporary)
            {
                Failure = $"{request.Interpreter} -m venv could not make an environment ({why}); on Debian and Ubuntu install python3-venv",
                EnvironmentSeconds = environmentSeconds,
            };
        }

        clock.Restart();
        ProgressLine.Activity($"pip install -r {request.PackageFile} into a fresh environment");
        var packageFile = request.RequirementsFiles[0].Path;
        var install = Run(Path.Combine(root, "bin", "python"),
            ["-m", "pip", "install", "--disable-pip-version-check", "--no-input", "--progress-bar", "off", "--no-warn-script-location", "-r", packageFile],
            request.Directory, request.InstallTimeout);
        ProgressLine.Activity(null);
        var result = new RehearsalEnvironment(root, temporary)
        {
            EnvironmentSeconds = environmentSeconds,
            InstallSeconds = clock.Elapsed.TotalSeconds,
            PythonVersion = VersionOf(root),
        };
        if (install.TimedOut)
        {
            return new RehearsalEnvironment(root, temporary)
            {
                Failure = $"pip install -r {request.PackageFile} did not finish in {request.InstallTimeout.TotalSeconds:0} s (--install-timeout)",
                EnvironmentSeconds = result.EnvironmentSeconds,
                InstallSeconds = result.InstallSeconds,
            };
        }

        return install.Succeeded
            ? result
            : new RehearsalEnvironment(root, temporary)
            {
                Problems = PipOutput.Problems(install.Stdout, install.StderrTail).Select(p => p with { Reason = Redaction.Redact(p.Reason) }).ToList(),
                EnvironmentSeconds = result.EnvironmentSeconds,
                InstallSeconds = result.InstallSeconds,
                PythonVersion = result.PythonVersion,
            };
    }

    private static ProcessOutcome Run(string program, string[] arguments, string directory, TimeSpan timeout)
    {
        var start = new ProcessStartInfo(program) { WorkingDirectory = directory };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var name in Misdirecting)
        {
            start.Environment.Remove(name);
        }

        start.Environment["PYTHONDONTWRITEBYTECODE"] = "1"; // pip compiles into the environment; nothing lands in the project
        try
        {
            return BoundedProcess.Run(start, timeout);
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            return new ProcessOutcome(string.Empty, $"{program} could not be run: {e.Message}", null, false);
        }
    }

    /// <summary>
    /// The inputs that decide what the environment holds: the interpreter (its real path, size and time), the requirements
    /// files' text, and pip's configuration (PIP_* variables, pip.conf), keyed with the cache's secret so that nothing of
    /// them (an index URL with a token) can be read back from the name.
    /// </summary>
    internal static string Key(EnvironmentRequest request)
    {
        var text = new StringBuilder();
        var interpreter = new FileInfo(request.Interpreter);
        var real = interpreter.ResolveLinkTarget(returnFinalTarget: true) as FileInfo ?? interpreter;
        text.Append("interpreter\0").Append(real.FullName).Append('\0').Append(real.Exists ? real.Length : -1).Append('\0')
            .Append(real.Exists ? real.LastWriteTimeUtc.Ticks : 0).Append('\n');
        foreach (var (path, content) in request.RequirementsFiles)
        {
            text.Append("requirements\0").Append(Path.GetRelativePath(request.Directory, path)).Append('\0').Append(content).Append('\n');
        }

        foreach (var (name, value) in Environment.GetEnvironmentVariables().Cast<System.Collections.DictionaryEntry>()
                     .Select(e => ((string)e.Key, e.Value as string ?? string.Empty))
                     .Where(e => e.Item1.StartsWith("PIP_", StringComparison.Ordinal))
                     .OrderBy(e => e.Item1, StringComparer.Ordinal))
        {
            text.Append("env\0").Append(name).Append('\0').Append(value).Append('\n');
        }

        foreach (var configuration in PipConfigurationFiles().Where(File.Exists))
        {
            text.Append("pip.conf\0").Append(configuration).Append('\0').Append(File.ReadAllText(configuration)).Append('\n');
        }

        return Convert.ToHexStringLower(HMACSHA256.HashData(ToolCache.Secret(), Encoding.UTF8.GetBytes(text.ToString())))[..32];
    }

    /// <summary>Where pip reads its configuration on Linux and macOS (pip's "site" file is in the fresh environment, so empty).</summary>
    private static IEnumerable<string> PipConfigurationFiles()
    {
        var home = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
        var xdg = Environment.GetEnvironmentVariable("XDG_CONFIG_HOME") is { Length: > 0 } configured ? configured : Path.Combine(home, ".config");
        IEnumerable<string?> files =
        [
            Environment.GetEnvironmentVariable("PIP_CONFIG_FILE"), "/etc/pip.conf", "/etc/xdg/pip/pip.conf",
            Path.Combine(home, ".pip", "pip.conf"), Path.Combine(xdg, "pip", "pip.conf"),
            Path.Combine(home, "Library", "Application Support", "pip", "pip.conf"),
        ];
        return files.OfType<string>().Where(f => f.Length > 0);
    }

    /// <summary>The environment's Python version as venv recorded it in pyvenv.cfg.</summary>
    private static string? VersionOf(string root)
    {
        try
        {
            return File.ReadLines(Path.Combine(root, "pyvenv.cfg"))
                .Select(l => l.Split('=', 2))
                .Where(p => p.Length == 2 && p[0].Trim() is "version" or "version_info")
                .Select(p => p[1].Trim())
                .FirstOrDefault();
        }
        catch (IOException)
        {
            return null;
        }
    }

    private static string LastLine(string text) =>
        text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).LastOrDefault() ?? "no output";

    /// <summary>One run per key at a time: another run making the same environment is waited for, then reused.</summary>
    private static FileStream Lock(string path)
    {
        var deadline = DateTime.UtcNow + LockPatience;
        while (true)
        {
            try
            {
                return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, 1, FileOptions.None);
            }
            catch (IOException) when (DateTime.UtcNow < deadline)
            {
                ProgressLine.Activity("waiting for another run making the same environment");
                Thread.Sleep(200);
            }
        }
    }

    /// <summary>Removes the least recently used environments until the rest fit the size limit.</summary>
    private static void Evict(string keep)
    {
        var limit = (long.TryParse(Environment.GetEnvironmentVariable("CONNECT_LINT_REHEARSAL_CACHE_MB"), out var megabytes) && megabytes >= 0
            ? megabytes
            : DefaultCacheLimitMegabytes) * 1024 * 1024;
        var kept = new DirectoryInfo(CacheDirectory).EnumerateDirectories()
            .Select(d => (Directory: d, Ready: new FileInfo(Path.Combine(d.FullName, "ready"))))
            .Where(e => e.Ready.Exists)
            .OrderBy(e => e.Ready.LastWriteTimeUtc)
            .Select(e => (e.Directory, Size: SizeOf(e.Directory)))
            .ToList();
        var total = kept.Sum(e => e.Size);
        foreach (var (directory, size) in kept)
        {
            if (total <= limit)
            {
                break;
            }

            if (directory.FullName == keep)
            {
                continue;
            }

            DeleteQuietly(directory.FullName);
            total -= size;
        }
    }

    private static long SizeOf(DirectoryInfo directory) =>
        directory.EnumerateFiles("*", new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = FileAttributes.ReparsePoint, IgnoreInaccessible = true })
            .Sum(f => f.Length);

    private static void DeleteQuietly(string directory)
    {
        try
        {
            if (Directory.Exists(directory))
            {
                Directory.Delete(directory, recursive: true);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
        }
    }

    public void Dispose()
    {
        if (_temporary is not null)
        {
            DeleteQuietly(_temporary);
        }
    }
}
