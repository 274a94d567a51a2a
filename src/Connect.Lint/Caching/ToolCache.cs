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
