namespace Connect.Lint.Caching;

/// <summary>
/// Where connect-lint keeps what it can learn again but would rather not (as ruff keeps .ruff_cache): the user's cache
/// directory ($XDG_CACHE_HOME or ~/.cache on Linux, ~/Library/Caches on macOS, %LOCALAPPDATA% on Windows), or
/// $CONNECT_LINT_CACHE_DIR. Entries are keyed by the tool's version; a missing, corrupt or foreign entry is ignored and
/// rebuilt, never trusted. `connect-lint clean` removes it all; `--no-cache` neither reads nor writes it.
/// </summary>
public static class ToolCache
{
    public static string Directory
    {
        get
        {
            if (Environment.GetEnvironmentVariable("CONNECT_LINT_CACHE_DIR") is { Length: > 0 } chosen)
            {
                return Path.GetFullPath(chosen);
            }

            var home = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
            var root = OperatingSystem.IsWindows() ? Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData)
                : OperatingSystem.IsMacOS() ? Path.Combine(home, "Library", "Caches")
                : Environment.GetEnvironmentVariable("XDG_CACHE_HOME") is { Length: > 0 } xdg && Path.IsPathRooted(xdg) ? xdg
                : Path.Combine(home, ".cache");
            return Path.Combine(root, "connect-lint");
        }
    }

    /// <summary>Removes the whole cache; says what it did in one line.</summary>
    public static string Clear()
    {
        var directory = Directory;
        if (!System.IO.Directory.Exists(directory))
        {
            return $"No cache at {directory}.";
        }

        System.IO.Directory.Delete(directory, recursive: true);
        return $"Removed the cache at {directory}.";
    }

    /// <summary>32 random bytes kept in the cache (readable by the user only) for keyed hashes of what must not be written plainly.</summary>
    public static byte[] Secret()
    {
        var path = Path.Combine(Directory, "secret");
        try
        {
            if (File.Exists(path) && File.ReadAllBytes(path) is { Length: 32 } existing)
            {
                return existing;
            }

            System.IO.Directory.CreateDirectory(Directory);
            var secret = System.Security.Cryptography.RandomNumberGenerator.GetBytes(32);
            var temporary = $"{path}.{Environment.ProcessId}.{Guid.NewGuid():N}.tmp";
            var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
            if (!OperatingSystem.IsWindows())
            {
                options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
            }

            using (var stream = new FileStream(temporary, options))
            {
                stream.Write(secret);
            }

            File.Move(temporary, path, overwrite: false);
            return secret;
        }
        catch (IOException)
        {
            // Another run made it first, or the cache cannot be written: use what is there, else a secret of this run only.
            return File.Exists(path) && File.ReadAllBytes(path) is { Length: 32 } made ? made : System.Security.Cryptography.RandomNumberGenerator.GetBytes(32);
        }
        catch (UnauthorizedAccessException)
        {
            return System.Security.Cryptography.RandomNumberGenerator.GetBytes(32);
        }
    }

    /// <summary>An entry's text, or null when there is none or it cannot be read.</summary>
    public static string? Read(string name)
    {
        try
        {
            var path = Path.Combine(Directory, name);
            return File.Exists(path) && new FileInfo(path).Length < 64 * 1024 * 1024 ? File.ReadAllText(path) : null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>Writes an entry atomically; a cache that cannot be written is only a slower next run, never an error.</summary>
    public static void Write(string name, string text)
    {
        try
        {
            var path = Path.Combine(Directory, name);
            System.IO.Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            var temporary = $"{path}.{Environment.ProcessId}.{Guid.NewGuid():N}.tmp";
            File.WriteAllText(temporary, text);
            File.Move(temporary, path, overwrite: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
        }
    }
}
