using System.Runtime.InteropServices;

namespace Connect.Lint.Loading;

/// <summary>What is at a path, symlinks followed.</summary>
public enum FileKind
{
    Missing,
    Regular,
    Directory,
    Special,
}

/// <summary>
/// What kind of file a path is. .NET reports FIFOs, sockets and devices as ordinary files, and opening a FIFO
/// blocks forever, so every read of a project file asks this first (Linux: statx, whose layout is the same on
/// every architecture; elsewhere the .NET attributes are trusted).
/// </summary>
public static class FileKinds
{
    private const int AtFdCwd = -100;
    private const uint StatxType = 0x1;
    private const int TypeMask = 0xF000;
    private const int RegularFile = 0x8000;
    private const int DirectoryFile = 0x4000;

    public static bool IsRegularFile(string path) => Of(path) == FileKind.Regular;

    public static FileKind Of(string path)
    {
        if (!OperatingSystem.IsLinux())
        {
            return File.Exists(path) ? FileKind.Regular : Directory.Exists(path) ? FileKind.Directory : FileKind.Missing;
        }

        Span<byte> buffer = stackalloc byte[256];
        unsafe
        {
            fixed (byte* statx = buffer)
            {
                if (Statx(AtFdCwd, path, 0, StatxType, statx) != 0)
                {
                    return FileKind.Missing;
                }
            }
        }

        return (BitConverter.ToUInt16(buffer[28..30]) & TypeMask) switch
        {
            RegularFile => FileKind.Regular,
            DirectoryFile => FileKind.Directory,
            _ => FileKind.Special,
        };
    }

    /// <summary>The (device, inode) a path leads to, or null; on other systems null (callers then trust the path).</summary>
    public static (ulong Device, ulong Inode)? IdentityOf(string path) => Identity(AtFdCwd, path, 0);

    /// <summary>The (device, inode) of an open file.</summary>
    public static (ulong Device, ulong Inode)? IdentityOf(Microsoft.Win32.SafeHandles.SafeFileHandle handle) =>
        Identity((int)handle.DangerousGetHandle(), string.Empty, AtEmptyPath);

    private const int AtEmptyPath = 0x1000;
    private const uint StatxIno = 0x100;

    private static (ulong Device, ulong Inode)? Identity(int directoryFd, string path, int flags)
    {
        if (!OperatingSystem.IsLinux())
        {
            return null;
        }

        Span<byte> buffer = stackalloc byte[256];
        unsafe
        {
            fixed (byte* statx = buffer)
            {
                if (Statx(directoryFd, path, flags, StatxIno, statx) != 0)
                {
                    return null;
                }
            }
        }

        // struct statx: stx_ino at 32; stx_dev_major and stx_dev_minor at 136 and 140.
        var device = ((ulong)BitConverter.ToUInt32(buffer[136..140]) << 32) | BitConverter.ToUInt32(buffer[140..144]);
        return (device, BitConverter.ToUInt64(buffer[32..40]));
    }

    [DllImport("libc", EntryPoint = "statx", SetLastError = true)]
    private static extern unsafe int Statx(int directoryFd, [MarshalAs(UnmanagedType.LPUTF8Str)] string path, int flags, uint mask, byte* buffer);
}
