using System.Text;

namespace Connect.Lint.Rules.Model;

/// <summary>Strict UTF-8 decoding that says where the first bad byte is.</summary>
public static class Utf8Text
{
    private static readonly UTF8Encoding Strict = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static bool TryDecode(byte[] bytes, out string text, out int badByteOffset)
    {
        try
        {
            text = Strict.GetString(bytes);
            badByteOffset = -1;
            return true;
        }
        catch (DecoderFallbackException e)
        {
            text = string.Empty;
            badByteOffset = Math.Clamp(e.Index, 0, Math.Max(0, bytes.Length - 1));
            // The exception's index is relative to where the decoder stopped; find the real first bad byte.
            badByteOffset = FirstInvalidByte(bytes);
            return false;
        }
    }

    /// <summary>1-based line and column (in characters of the valid prefix) of a byte offset.</summary>
    public static (int Line, int Column) PositionOfByte(byte[] bytes, int byteOffset)
    {
        var prefix = Encoding.UTF8.GetString(bytes, 0, byteOffset);
        var line = 1;
        var lineStart = 0;
        for (var i = 0; i < prefix.Length; i++)
        {
            if (prefix[i] == '\n')
            {
                line++;
                lineStart = i + 1;
            }
        }

        return (line, prefix.Length - lineStart + 1);
    }

    private static int FirstInvalidByte(byte[] bytes)
    {
        var span = bytes.AsSpan();
        var offset = 0;
        while (offset < span.Length)
        {
            var status = System.Text.Rune.DecodeFromUtf8(span[offset..], out _, out var consumed);
            if (status != System.Buffers.OperationStatus.Done)
            {
                return offset;
            }

            offset += consumed;
        }

        return 0;
    }
}
