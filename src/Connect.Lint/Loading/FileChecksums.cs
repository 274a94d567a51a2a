using System.Security.Cryptography;
using Connect.Lint.Rules.Model;

namespace Connect.Lint.Loading;

/// <summary>md5 checksums as rsconnect lists them, streamed so that file size does not matter.</summary>
public static class FileChecksums
{
    private const int BufferSize = 1 << 16;

    private const int HashBufferSize = 1 << 20;
    private const long SmallFileBytes = 256 * 1024;

    /// <summary>md5 of a file, read in 1 MiB blocks (Stream-based hashing reads in 4 KiB steps and is slower).</summary>
    /// <param name="smallProject">True for a project of a few files: small files then use managed MD5, so such a
    /// project never loads the native crypto library (~20–30 ms); many files amortise it and hash faster natively.</param>
    /// <param name="isLfsPointer">Set when the file is a Git LFS pointer (seen in the first block, which is read anyway).</param>
    public static string Md5(string path, bool smallProject, out bool isLfsPointer)
    {
        if (smallProject && new FileInfo(path).Length <= SmallFileBytes)
        {
            var bytes = File.ReadAllBytes(path);
            isLfsPointer = LfsPointer.Is(bytes, bytes.Length);
            return Rules.Model.Md5.HexOf(bytes);
        }

        using var handle = File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, FileOptions.SequentialScan);
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.MD5);
        var buffer = System.Buffers.ArrayPool<byte>.Shared.Rent(HashBufferSize);
        try
        {
            long offset = 0;
            int read;
            isLfsPointer = false;
            while ((read = RandomAccess.Read(handle, buffer.AsSpan(0, HashBufferSize), offset)) > 0)
            {
                if (offset == 0)
                {
                    isLfsPointer = LfsPointer.Is(buffer, RandomAccess.GetLength(handle));
                }

                hash.AppendData(buffer, 0, read);
                offset += read;
            }

            return Convert.ToHexStringLower(hash.GetHashAndReset());
        }
        finally
        {
            System.Buffers.ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>The checksums of the file with CRLF turned to LF, and with every lone LF turned to CRLF.</summary>
    public static IReadOnlyList<string> LineEndingVariants(string path) =>
        [HashWithLineEndings(path, toCrlf: false), HashWithLineEndings(path, toCrlf: true)];

    /// <summary>The requirements file's checksum (rsconnect's processing) and the forms that also count.</summary>
    public static (string Checksum, IReadOnlyList<string> Alternates) Requirements(string path)
    {
        var bytes = File.ReadAllBytes(path);
        var checksum = RequirementsChecksum.Compute(bytes, out var crlfForm);
        return (checksum, [crlfForm, RequirementsChecksum.Md5Hex(bytes)]);
    }

    private static FileStream OpenSequential(string path) =>
        new(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, BufferSize, FileOptions.SequentialScan);

    private static string HashWithLineEndings(string path, bool toCrlf)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.MD5);
        using var stream = OpenSequential(path);
        var input = new byte[BufferSize];
        var output = new byte[BufferSize * 2];
        byte previous = 0;
        var heldCarriageReturn = false;
        int read;
        while ((read = stream.Read(input, 0, input.Length)) > 0)
        {
            var count = 0;
            for (var i = 0; i < read; i++)
            {
                var b = input[i];
                if (toCrlf)
                {
                    if (b == '\n' && previous != '\r')
                    {
                        output[count++] = (byte)'\r';
                    }

                    output[count++] = b;
                }
                else
                {
                    // A CR is held back until the next byte shows whether it starts a CRLF pair.
                    if (heldCarriageReturn && b != '\n')
                    {
                        output[count++] = (byte)'\r';
                    }

                    heldCarriageReturn = b == '\r';
                    if (!heldCarriageReturn)
                    {
                        output[count++] = b;
                    }
                }

                previous = b;
            }

            hash.AppendData(output, 0, count);
        }

        if (heldCarriageReturn)
        {
            hash.AppendData([(byte)'\r']);
        }

        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }
}
