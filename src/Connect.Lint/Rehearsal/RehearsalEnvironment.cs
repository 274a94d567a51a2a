using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using Connect.Lint.Caching;
using Connect.Lint.Output;
using Connect.Lint.Rules.Model.Rehearsal;

namespace Connect.Lint.Rehearsal;

/// <summary>What the rehearsal's environment needs: the interpreter to make it with, and the requirements to install into it.</summary>
/// <param name="RequirementsFiles">The package file first, then every file it includes (-r, -c), as full paths with their text.</param>
/// <param name="LocalPaths">The requirements that name a local path: pip installs without the project's files, so these fail.</param>
public sealed record EnvironmentRequest(
    string Interpreter, string Directory, string PackageFile, IReadOnlyList<(string Path, string Text)> RequirementsFiles, TimeSpan InstallTimeout, bool UseCache)
{
    public IReadOnlyList<LocalPathLine> LocalPaths { get; init; } = [];
}

/// <summary>
/// A fresh virtual environment with the deployment's requirements installed by pip, as Connect makes one at deploy time:
/// made with the chosen interpreter, without system site-packages, pip honouring the user's pip configuration and PIP_*
/// environment (<see cref="FreshVenv"/> makes it) and installing beside the requirements files alone
/// (<see cref="RequirementsOnly"/>). Environments are kept under the tool's cache (rehearsals/KEY) by the interpreter,
/// the requirements text and pip's configuration, reused while they are unchanged (as Connect reuses its environments),
/// least recently used first out past a size limit; with --no-cache one is made in a temporary directory and removed
/// after the run.
/// </summary>
public sealed class RehearsalEnvironment : IDisposable
{
    /// <summary>The size the kept environments may take together, unless CONNECT_LINT_REHEARSAL_CACHE_MB says otherwise.</summary>
    private const long DefaultCacheLimitMegabytes = 4096;

    /// <summary>How environments are made: a change to it (pip run away from the project's files, in 2) makes new ones.</summary>
    private const string Recipe = "recipe 2";

    private readonly string? _temporary;

    private RehearsalEnvironment(string root, string? temporary)
    {
        Root = root;
        _temporary = temporary;
    }

    /// <summary>The environment's directory.</summary>
    public string Root { get; }

    public string Python => FreshVenv.PythonOf(Root);

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
        // A cache that is refused (others could write into it) or cannot be made: a fresh environment of this run only.
        if (!request.UseCache || ToolCache.Usable is null)
        {
            var temporary = Path.Combine(Path.GetTempPath(), $"connect-lint-rehearsal-{Guid.NewGuid():N}");
            return Build(request, Path.Combine(temporary, "env"), temporary);
        }

        var directory = Path.Combine(CacheDirectory, Key(request));
        CachePrivacy.CreatePrivate(CacheDirectory);
        using var held = CacheLock.Acquire(directory + ".lock");
        var ready = Path.Combine(directory, "ready");
        var root = Path.Combine(directory, "env");
        if (File.Exists(ready) && File.Exists(FreshVenv.PythonOf(root)))
        {
            File.SetLastWriteTimeUtc(ready, DateTime.UtcNow); // least recently used goes first
            return new RehearsalEnvironment(root, null) { Reused = true, PythonVersion = VersionOf(root) };
        }

        CacheLock.DeleteQuietly(directory); // what a run that was cut short left
        var built = Build(request, root, null);
        if (built.Failure is null && built.Problems.Count == 0)
        {
            File.WriteAllText(ready, string.Empty);
            Evict(keep: directory);
        }
        else
        {
            CacheLock.DeleteQuietly(directory); // a failed install is tried again next time: the index may have changed
        }

        return built;
    }

    private static RehearsalEnvironment Build(EnvironmentRequest request, string root, string? temporary)
    {
        var clock = Stopwatch.StartNew();
        ProgressLine.Activity("making a fresh environment");
        var seed = temporary is null ? Path.Combine(CacheDirectory, "seed-" + Hash(InterpreterIdentity(request.Interpreter))) : null;
        var failure = FreshVenv.Make(request.Interpreter, root, request.Directory, seed);
        var environmentSeconds = clock.Elapsed.TotalSeconds;
        if (failure is not null)
        {
            return new RehearsalEnvironment(root, temporary) { Failure = failure, EnvironmentSeconds = environmentSeconds };
        }

        clock.Restart();
        ProgressLine.Activity($"pip install -r {request.PackageFile} into a fresh environment");
        RequirementsOnly requirementsOnly;
        try
        {
            requirementsOnly = RequirementsOnly.Write(request.Directory, request.RequirementsFiles);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return new RehearsalEnvironment(root, temporary) { Failure = $"the requirements could not be copied for pip to a temporary directory ({e.Message})", EnvironmentSeconds = environmentSeconds };
        }

        using var held = requirementsOnly;
        var install = RehearsalProcess.Run(FreshVenv.PythonOf(root),
            ["-m", "pip", "install", "--disable-pip-version-check", "--no-input", "--progress-bar", "off", "--no-warn-script-location", "-r", request.PackageFile],
            requirementsOnly.Directory, request.InstallTimeout);
        ProgressLine.Activity(null);
        return new RehearsalEnvironment(root, temporary)
        {
            Failure = install.TimedOut ? $"pip install -r {request.PackageFile} did not finish in {request.InstallTimeout.TotalSeconds:0} s (--install-timeout)" : null,
            Problems = install.Succeeded || install.TimedOut
                ? []
                : ProblemsOf(install, requirementsOnly, request),
            EnvironmentSeconds = environmentSeconds,
            InstallSeconds = clock.Elapsed.TotalSeconds,
            PythonVersion = VersionOf(root),
        };
    }

    /// <summary>What pip refused, each as Connect's problem or this machine's index's (unreachable, or only a local wheelhouse).</summary>
    private static IReadOnlyList<InstallProblem> ProblemsOf(Processes.ProcessOutcome install, RequirementsOnly requirementsOnly, EnvironmentRequest request)
    {
        var (stdout, stderr) = (requirementsOnly.Relativize(install.Stdout), requirementsOnly.Relativize(install.StderrTail));
        var reach = PipReach.Read(stdout + "\n" + stderr, string.Concat(request.RequirementsFiles.Select(f => f.Text + "\n")));
        return reach.Attribute(PipOutput.Problems(stdout, stderr, request.LocalPaths))
            .Select(p => p with { Reason = Redaction.Redact(p.Reason) }).ToList();
    }

    /// <summary>
    /// The inputs that decide what the environment holds: how environments are made (<see cref="Recipe"/>), the
    /// interpreter (its real path, size and time), the requirements files' text, and pip's configuration (PIP_* variables,
    /// pip.conf), keyed with the cache's secret so that nothing of them (an index URL with a token) can be read back from
    /// the name.
    /// </summary>
    internal static string Key(EnvironmentRequest request) => KeyOf(Recipe, request.Interpreter, request.Directory, request.RequirementsFiles);

    /// <summary>What pip makes of requirements is decided by these: a recipe (how it is asked), the interpreter, the files' text, pip's configuration.</summary>
    internal static string KeyOf(string recipe, string interpreter, string directory, IEnumerable<(string Path, string Text)> requirementsFiles)
    {
        var text = new StringBuilder(recipe).Append('\n').Append(InterpreterIdentity(interpreter));
        foreach (var (path, content) in requirementsFiles)
        {
            text.Append("requirements\0").Append(Path.GetRelativePath(directory, path)).Append('\0').Append(content).Append('\n');
        }

        text.Append(PipConfiguration.Fingerprint());
        return Hash(text.ToString());
    }

    /// <summary>The interpreter as the file it really is (a venv's python links to its base): its path, size and time.</summary>
    private static string InterpreterIdentity(string interpreter)
    {
        var named = new FileInfo(interpreter);
        var real = named.ResolveLinkTarget(returnFinalTarget: true) as FileInfo ?? named;
        return $"interpreter\0{real.FullName}\0{(real.Exists ? real.Length : -1)}\0{(real.Exists ? real.LastWriteTimeUtc.Ticks : 0)}\n";
    }

    private static string Hash(string inputs) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(ToolCache.Secret(), Encoding.UTF8.GetBytes(inputs)))[..32];

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

            CacheLock.DeleteQuietly(directory.FullName);
            total -= size;
        }
    }

    private static long SizeOf(DirectoryInfo directory) =>
        directory.EnumerateFiles("*", new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = FileAttributes.ReparsePoint, IgnoreInaccessible = true })
            .Sum(f => f.Length);

    public void Dispose()
    {
        if (_temporary is not null)
        {
            CacheLock.DeleteQuietly(_temporary);
        }
    }
}
