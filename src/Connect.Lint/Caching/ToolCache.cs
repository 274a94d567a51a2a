namespace Connect.Lint.Caching;

/// <summary>
/// Where connect-lint keeps what it can learn again but would rather not (as ruff keeps .ruff_cache): the user's cache
/// directory ($XDG_CACHE_HOME or ~/.cache on Linux, ~/Library/Caches on macOS, %LOCALAPPDATA% on Windows), or
/// $CONNECT_LINT_CACHE_DIR. Entries are keyed by the tool's version; a missing, corrupt or foreign entry is ignored and
/// rebuilt, never trusted. `connect-lint clean` removes it all; `--no-cache` neither reads nor writes it.
/// The cache is data: it is used only through <see cref="Usable"/>, which creates it private (0700) and refuses one that
/// others could write into (group- or world-writable, or owned by another user: a shared $XDG_CACHE_HOME), with one
/// warning; the run then goes on without a cache. What is executable from it is verified (<see cref="Python.CompiledBridgeCache"/>).
/// </summary>
public static class ToolCache
{
    private static readonly Dictionary<string, string?> Checked = new(StringComparer.Ordinal);

    private static readonly AsyncLocal<TextWriter?> CommandWarnings = new();

    /// <summary>Where the one warning about a refused cache goes (this command's stderr: it flows with the command); null says nothing.</summary>
    public static TextWriter? Warnings
    {
        get => CommandWarnings.Value;
        set => CommandWarnings.Value = value;
    }

    /// <summary>The cache directory when it is safe to read and write (made private when missing), else null.</summary>
    public static string? Usable
    {
        get
        {
            var directory = Directory;
            lock (Checked)
            {
                if (!Checked.TryGetValue(directory, out var usable))
                {
                    var refusal = CachePrivacy.Refusal(directory);
                    usable = refusal is null ? directory : null;
                    Checked[directory] = usable;
                    if (refusal is not null)
                    {
                        Warnings?.WriteLine($"connect-lint: warning: the cache {Output.OutputSafety.Escape(directory)} {refusal}: this run uses no cache");
                    }
                }

                return usable;
            }
        }
    }

    private static readonly AsyncLocal<string?> GivenDirectory = new();

    /// <summary>
    /// --cache-dir, which wins over $CONNECT_LINT_CACHE_DIR; null: not given. Per command (it flows into the tasks the
    /// command starts), as commands run side by side in one process (the tests, the language server).
    /// </summary>
    public static string? DirectoryOverride
    {
        get => GivenDirectory.Value;
        set => GivenDirectory.Value = value;
    }

    public static string Directory
    {
        get
        {
            if (DirectoryOverride is { Length: > 0 } given)
            {
                return Path.GetFullPath(given);
            }

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
        if (Usable is not { } directory)
        {
            return System.Security.Cryptography.RandomNumberGenerator.GetBytes(32);
        }

        var path = Path.Combine(directory, "secret");
        try
        {
            if (File.Exists(path) && File.ReadAllBytes(path) is { Length: 32 } existing)
            {
                return existing;
            }

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
            if (Usable is not { } directory)
            {
                return null;
            }

            var path = Path.Combine(directory, name);
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
            if (Usable is not { } directory)
            {
                return;
            }

            var path = Path.Combine(directory, name);
            CachePrivacy.CreatePrivate(Path.GetDirectoryName(path)!);
            var temporary = $"{path}.{Environment.ProcessId}.{Guid.NewGuid():N}.tmp";
            File.WriteAllText(temporary, text);
            File.Move(temporary, path, overwrite: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
        }
    }
}
