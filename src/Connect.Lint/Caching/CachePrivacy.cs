using System.Runtime.InteropServices;

namespace Connect.Lint.Caching;

/// <summary>
/// Whether a cache directory is this user's alone: made with mode 0700 when missing; an existing one must be owned by
/// this user and writable by nobody else, or what another user planted there (a compiled bridge, facts) would be used.
/// </summary>
internal static class CachePrivacy
{
    private const UnixFileMode Private = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;

    /// <summary>Why the directory must not be used, or null when it may (it exists afterwards).</summary>
    public static string? Refusal(string directory)
    {
        try
        {
            CreatePrivate(directory);
            if (OperatingSystem.IsWindows())
            {
                return null; // ACLs, not modes: the profile's cache directory is the user's
            }

            var mode = File.GetUnixFileMode(directory);
            if ((mode & (UnixFileMode.GroupWrite | UnixFileMode.OtherWrite)) != 0)
            {
                return $"is writable by others (mode {Convert.ToString((int)mode, 8)})";
            }

            if (OwnerOf(directory) is { } owner && owner != GetEuid())
            {
                return $"belongs to another user (uid {owner})";
            }

            return null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            return $"cannot be created ({e.Message.TrimEnd('.')})";
        }
    }

    /// <summary>Creates the directory and any missing parents private to this user (existing ones are left as they are).</summary>
    public static void CreatePrivate(string directory)
    {
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(directory);
        }
        else
        {
            Directory.CreateDirectory(directory, Private);
        }
    }

    /// <summary>The owner's uid through stat(2), where the struct's layout is known (Linux on x86-64 and arm64); null elsewhere.</summary>
    private static uint? OwnerOf(string path)
    {
        var offset = !OperatingSystem.IsLinux() ? -1 : RuntimeInformation.OSArchitecture switch
        {
            Architecture.X64 => 28,   // st_dev, st_ino, st_nlink (8 each), st_mode (4), then st_uid
            Architecture.Arm64 => 24, // st_dev, st_ino (8 each), st_mode, st_nlink (4 each), then st_uid
            _ => -1,
        };
        if (offset < 0)
        {
            return null;
        }

        var buffer = new byte[256];
        return Stat(path, buffer) == 0 ? BitConverter.ToUInt32(buffer, offset) : null;
    }

    [DllImport("libc", EntryPoint = "stat", SetLastError = true)]
    private static extern int Stat([MarshalAs(UnmanagedType.LPUTF8Str)] string path, byte[] buffer);

    [DllImport("libc", EntryPoint = "geteuid")]
    private static extern uint GetEuid();
}
