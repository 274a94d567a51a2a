namespace Connect.Lint.Rules.Model;

/// <summary>
/// What the loader found for one path of a deployment (a listed path or an inventory file). Checksums are
/// rsconnect's: lowercase md5 hex of the bytes, or of the processed text for the requirements file.
/// </summary>
public sealed record FileState
{
    public static readonly FileState Missing = new() { Exists = false };

    public bool Exists { get; init; }

    /// <summary>False for a directory or another non-file at that path.</summary>
    public bool IsRegularFile { get; init; } = true;

    /// <summary>True when the path leads out of the deployment directory (through a symlink); never read.</summary>
    public bool EscapesDeployment { get; init; }

    public string? Checksum { get; init; }

    /// <summary>
    /// Other forms that count as current: the same text with CRLF line ends turned to LF or the reverse, as a
    /// checkout with normalised line endings produces. Filled only when the listed checksum did not match.
    /// </summary>
    public IReadOnlyList<string> AlternateChecksums { get; init; } = [];

    /// <summary>True when the file's content is a Git LFS pointer rather than the file itself.</summary>
    public bool IsLfsPointer { get; init; }

    /// <summary>Why the file could not be read (permissions, I/O), or null.</summary>
    public string? ReadError { get; init; }

    public bool Matches(string checksum) =>
        string.Equals(Checksum, checksum, StringComparison.OrdinalIgnoreCase) ||
        AlternateChecksums.Any(c => string.Equals(c, checksum, StringComparison.OrdinalIgnoreCase));
}
