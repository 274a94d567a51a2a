using System.Runtime.InteropServices;

namespace Connect.Lint.Loading;

/// <summary>
/// Whether a path is a regular file. .NET reports FIFOs, sockets and devices as ordinary files, and opening a
/// FIFO blocks forever, so every read of a project file asks this first (Linux: statx, whose layout is the
/// same on every architecture; elsewhere the .NET attributes are trusted).
/// </summary>
public static class FileKinds
{
    private const int AtFdCwd = -100;
    private const uint StatxType = 0x1;
    private const int TypeMask = 0xF000;
    private const int RegularFile = 0x8000;

    public static bool IsRegularFile(string path)
    {
        if (!OperatingSystem.IsLinux())
        {
            return File.Exists(path);
        }

        Span<byte> buffer = stackalloc byte[256];
        unsafe
        {
            fixed (byte* statx = buffer)
            {
                if (Statx(AtFdCwd, path, 0, StatxType, statx) != 0)
                {
                    return false;
                }
            }
        }

        var mode = BitConverter.ToUInt16(buffer[28..30]);
        return (mode & TypeMask) == RegularFile;
    }

    [DllImport("libc", EntryPoint = "statx", SetLastError = true)]
    private static extern unsafe int Statx(int directoryFd, [MarshalAs(UnmanagedType.LPUTF8Str)] string path, int flags, uint mask, byte* buffer);
}
