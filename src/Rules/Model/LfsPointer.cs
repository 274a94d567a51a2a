namespace Connect.Lint.Rules.Model;

/// <summary>
/// A Git LFS pointer file, recognised by its content as the LFS specification defines it: under 1024 bytes,
/// starting with the spec's version line. In a checkout without the LFS objects, such a file is what Connect deploys.
/// </summary>
public static class LfsPointer
{
    private const int MaxPointerBytes = 1024;

    private static readonly byte[][] VersionLines =
    [
        "version https://git-lfs.github.com/spec/"u8.ToArray(),
        "version https://hawser.github.com/spec/"u8.ToArray(),
    ];

    /// <param name="start">The file's first bytes (at least the version line, when the file is that long).</param>
    /// <param name="length">The file's whole length.</param>
    public static bool Is(ReadOnlySpan<byte> start, long length)
    {
        if (length >= MaxPointerBytes)
        {
            return false;
        }

        foreach (var line in VersionLines)
        {
            if (start.StartsWith(line))
            {
                return true;
            }
        }

        return false;
    }
}
