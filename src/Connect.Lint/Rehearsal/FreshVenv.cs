using System.Runtime.InteropServices;

namespace Connect.Lint.Rehearsal;

/// <summary>
/// Makes a virtual environment as `python -m venv` does (pip and, before Python 3.12, setuptools in it, as in the
/// environments Connect makes), without paying ensurepip's three seconds each time: a seed environment is made once per
/// interpreter with `python -m venv` and kept, and each new environment is made with `--without-pip` and given the seed's
/// site-packages, hard-linked (the same interpreter lays both out alike). Without a place to keep the seed, or when the
/// copy fails, it is a plain `python -m venv`.
/// </summary>
public static class FreshVenv
{
    private static readonly TimeSpan VenvTimeout = TimeSpan.FromMinutes(3);

    /// <summary>The environment's interpreter below its root.</summary>
    public static string PythonOf(string root) =>
        OperatingSystem.IsWindows() ? Path.Combine(root, "Scripts", "python.exe") : Path.Combine(root, "bin", "python");

    /// <param name="seed">Where the interpreter's seed environment is kept (made when missing); null: a plain `python -m venv`.</param>
    /// <returns>Null when the environment was made; else why not, in a sentence.</returns>
    public static string? Make(string interpreter, string root, string workingDirectory, string? seed)
    {
        if (seed is not null && SeedSitePackages(interpreter, seed, workingDirectory) is { } seeded)
        {
            var bare = Venv(interpreter, ["--without-pip", root], workingDirectory);
            if (bare is not null)
            {
                return bare;
            }

            try
            {
                CopyDirectory(seeded, SitePackages(root) ?? throw new IOException("the new environment has no site-packages"));
                return null;
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                Directory.Delete(root, recursive: true); // made again the plain way below
            }
        }

        return Venv(interpreter, [root], workingDirectory);
    }

    /// <summary>The seed's site-packages (pip, setuptools), the seed made first when it is not there yet; null when it cannot be made.</summary>
    private static string? SeedSitePackages(string interpreter, string seed, string workingDirectory)
    {
        using var held = CacheLock.Acquire(seed + ".lock");
        var ready = Path.Combine(seed, "ready");
        var root = Path.Combine(seed, "env");
        if (!File.Exists(ready))
        {
            CacheLock.DeleteQuietly(seed);
            if (Venv(interpreter, [root], workingDirectory) is not null)
            {
                CacheLock.DeleteQuietly(seed);
                return null;
            }

            File.WriteAllText(ready, string.Empty);
        }

        File.SetLastWriteTimeUtc(ready, DateTime.UtcNow);
        return SitePackages(root);
    }

    private static string? Venv(string interpreter, string[] arguments, string workingDirectory)
    {
        var venv = RehearsalProcess.Run(interpreter, ["-m", "venv", .. arguments], workingDirectory, VenvTimeout);
        if (venv.Succeeded)
        {
            return null;
        }

        var why = venv.TimedOut
            ? $"it did not finish in {VenvTimeout.TotalSeconds:0} s"
            : (venv.StderrTail + "\n" + venv.Stdout).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).LastOrDefault() ?? "no output";
        return $"{interpreter} -m venv could not make an environment ({why}); on Debian and Ubuntu install python3-venv";
    }

    private static string? SitePackages(string root) =>
        OperatingSystem.IsWindows()
            ? Path.Combine(root, "Lib", "site-packages")
            : Directory.Exists(Path.Combine(root, "lib"))
                ? Directory.GetDirectories(Path.Combine(root, "lib")).Select(d => Path.Combine(d, "site-packages")).FirstOrDefault(Directory.Exists)
                : null;

    /// <summary>
    /// Gives the new environment the seed's files: hard links where the file system allows them (a fifth of a copy's
    /// time, and no second copy on disk), else copies. Sharing is safe: pip replaces a package by removing its files and
    /// writing new ones, and Python writes bytecode by rename, so no file is ever written in place.
    /// </summary>
    private static void CopyDirectory(string source, string target)
    {
        Directory.CreateDirectory(target);
        foreach (var file in Directory.EnumerateFiles(source))
        {
            var copy = Path.Combine(target, Path.GetFileName(file));
            if (OperatingSystem.IsWindows() || HardLink(file, copy) != 0)
            {
                File.Copy(file, copy, overwrite: true);
            }
        }

        foreach (var directory in Directory.EnumerateDirectories(source))
        {
            CopyDirectory(directory, Path.Combine(target, Path.GetFileName(directory)));
        }
    }

    [DllImport("libc", EntryPoint = "link", SetLastError = true)]
    private static extern int HardLink([MarshalAs(UnmanagedType.LPUTF8Str)] string existing, [MarshalAs(UnmanagedType.LPUTF8Str)] string created);
}
