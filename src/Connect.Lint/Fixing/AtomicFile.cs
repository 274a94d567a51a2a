using System.Text;
using Connect.Lint.Rules.Model;

namespace Connect.Lint.Fixing;

/// <summary>Writes a file so that readers see the old bytes or the new ones, never a half-written file.</summary>
public static class AtomicFile
{
    private static readonly UTF8Encoding Utf8NoBom = new(encoderShouldEmitUTF8Identifier: false);

    public static void WriteText(string path, string text, Expectation? expected = null) => Write(path, Utf8NoBom.GetBytes(text), expected);

    /// <summary>Text written as it is made (UTF-8, no BOM): a large file is never held whole in memory.</summary>
    public static void WriteText(string path, Action<TextWriter> write, Expectation? expected = null) =>
        Write(path, stream =>
        {
            using var writer = new StreamWriter(stream, Utf8NoBom, 1 << 16, leaveOpen: true);
            write(writer);
        }, expected);

    public static void Write(string path, byte[] bytes, Expectation? expected) => Write(path, stream => stream.Write(bytes), expected);

    /// <summary>
    /// Writes the file's bytes to a temporary file beside <paramref name="path"/>, then — only if the file
    /// still is what <paramref name="expected"/> says (its fingerprint, or absent) — renames it over the path.
    /// The compare comes after the slow part (writing and syncing), right before the rename.
    /// </summary>
    public static void Write(string path, Action<Stream> write, Expectation? expected)
    {
        var directory = Path.GetDirectoryName(StartDirectory.FullPathOf(path))!;
        var temporary = Path.Combine(directory, $"{PathExclusions.TemporaryFilePrefix}{Path.GetFileName(path)}.{Guid.NewGuid():N}.tmp");
        try
        {
            using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write))
            {
                write(stream);
                stream.Flush(flushToDisk: true);
            }

            if (!OperatingSystem.IsWindows() && File.Exists(path))
            {
                File.SetUnixFileMode(temporary, File.GetUnixFileMode(path));
            }

            if (expected?.Problem(path) is { } problem)
            {
                throw new FixRefusedException(problem);
            }

            File.Move(temporary, path, overwrite: expected is not { Absent: true });
        }
        finally
        {
            if (File.Exists(temporary))
            {
                File.Delete(temporary);
            }
        }
    }
}

/// <summary>What a file must still be right before a fix replaces it: the bytes the rules saw, or not there at all.</summary>
public sealed record Expectation(string? Fingerprint, bool Absent)
{
    public static Expectation Of(string fingerprint) => new(fingerprint, false);

    public static readonly Expectation NotThere = new(null, true);

    /// <summary>Why the file no longer is what was expected, or null.</summary>
    public string? Problem(string path)
    {
        var display = Reporting.DisplayPath.ForLine(path);
        if (Absent)
        {
            return File.Exists(path) || Directory.Exists(path) ? $"{display} appeared while the fix was prepared; not overwritten" : null;
        }

        byte[] current;
        try
        {
            current = File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return $"{display} can no longer be read ({e.Message.TrimEnd('.')}); not fixed";
        }

        return ReadLedger.Fingerprint(current) == Fingerprint ? null : Changed(display);
    }

    /// <summary>What a person is told when a file is no longer the one the check read.</summary>
    public static string Changed(string displayPath) =>
        $"{displayPath} changed since it was checked (by the app's import, an editor or another run); not fixed: run the check again";
}
