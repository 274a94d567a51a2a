using System.Buffers.Binary;
using System.Numerics;

namespace Connect.Lint.Rules.Model;

/// <summary>
/// MD5 (RFC 1321) in managed code, for small inputs: .NET's MD5 loads the native crypto library on first use
/// (~20–30 ms, most of a small project's check); large files still go through the platform's MD5.
/// </summary>
public static class Md5
{
    private static readonly uint[] K = Enumerable.Range(0, 64).Select(i => (uint)(long)Math.Floor(Math.Abs(Math.Sin(i + 1)) * 4294967296.0)).ToArray();

    private static readonly int[] Shifts =
    [
        7, 12, 17, 22, 7, 12, 17, 22, 7, 12, 17, 22, 7, 12, 17, 22,
        5, 9, 14, 20, 5, 9, 14, 20, 5, 9, 14, 20, 5, 9, 14, 20,
        4, 11, 16, 23, 4, 11, 16, 23, 4, 11, 16, 23, 4, 11, 16, 23,
        6, 10, 15, 21, 6, 10, 15, 21, 6, 10, 15, 21, 6, 10, 15, 21,
    ];

    public static string HexOf(ReadOnlySpan<byte> data)
    {
        uint a0 = 0x67452301, b0 = 0xefcdab89, c0 = 0x98badcfe, d0 = 0x10325476;
        var paddedLength = ((data.Length + 8) / 64 + 1) * 64;
        var message = new byte[paddedLength];
        data.CopyTo(message);
        message[data.Length] = 0x80;
        BinaryPrimitives.WriteUInt64LittleEndian(message.AsSpan(paddedLength - 8), (ulong)data.Length * 8);
        Span<uint> words = stackalloc uint[16];
        for (var chunk = 0; chunk < paddedLength; chunk += 64)
        {
            for (var i = 0; i < 16; i++)
            {
                words[i] = BinaryPrimitives.ReadUInt32LittleEndian(message.AsSpan(chunk + i * 4, 4));
            }

            uint a = a0, b = b0, c = c0, d = d0;
            for (var i = 0; i < 64; i++)
            {
                uint f;
                int g;
                switch (i / 16)
                {
                    case 0: f = (b & c) | (~b & d); g = i; break;
                    case 1: f = (d & b) | (~d & c); g = (5 * i + 1) % 16; break;
                    case 2: f = b ^ c ^ d; g = (3 * i + 5) % 16; break;
                    default: f = c ^ (b | ~d); g = 7 * i % 16; break;
                }

                f = f + a + K[i] + words[g];
                a = d;
                d = c;
                c = b;
                b += BitOperations.RotateLeft(f, Shifts[i]);
            }

            a0 += a;
            b0 += b;
            c0 += c;
            d0 += d;
        }

        Span<byte> digest = stackalloc byte[16];
        BinaryPrimitives.WriteUInt32LittleEndian(digest, a0);
        BinaryPrimitives.WriteUInt32LittleEndian(digest[4..], b0);
        BinaryPrimitives.WriteUInt32LittleEndian(digest[8..], c0);
        BinaryPrimitives.WriteUInt32LittleEndian(digest[12..], d0);
        return Convert.ToHexStringLower(digest);
    }
}
