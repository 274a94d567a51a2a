using System.Collections.Concurrent;
using Connect.Lint.Rules.Model;

namespace Connect.Lint.Loading;

/// <summary>Why the policy refused a file.</summary>
public enum RefusalKind
{
    OutsideTheDeployment,
    SymlinkLeadingOut,
    SpecialFileSystem,
    NotARegularFile,
    TooLarge,
    Unreadable,
}

/// <summary>A refusal: its kind (for the caller to decide) and its reason (for a person to read).</summary>
public sealed record FileRefusal(RefusalKind Kind, string Reason)
{
    /// <summary>Too large is a limit of the tool (analysis-limit); everything else is the policy at work (file-not-read).</summary>
    public UnreadKind UnreadKind => Kind == RefusalKind.TooLarge ? UnreadKind.Limit : UnreadKind.Refused;

    public bool LeadsOut => Kind is RefusalKind.OutsideTheDeployment or RefusalKind.SymlinkLeadingOut;

    public override string ToString() => Reason;
}

/// <summary>The outcome of reading a file through <see cref="FileAccessPolicy"/>: its bytes, or why there are none.</summary>
public sealed record FileRead(byte[]? Bytes, bool Missing, FileRefusal? Refusal)
{
    public static readonly FileRead NotThere = new(null, true, null);

    public static FileRead Refused(RefusalKind kind, string reason) => new(null, false, new FileRefusal(kind, reason));
}

/// <summary>
/// The one place every read of a project file goes through. It refuses paths outside its root, symlinks that
/// lead outside (or loop), special files (FIFOs, sockets, devices) and special file systems (/proc, /sys, /dev),
/// and files over a size limit; a refusal is a reason a person can read, and the caller turns it into a
/// diagnostic. Every file it reads is fingerprinted (<see cref="Ledger"/>), so a fix can prove it edits the very
/// bytes the rules saw.
/// </summary>
public sealed class FileAccessPolicy
{
    private static readonly string[] SpecialFileSystems = ["/proc", "/sys", "/dev"];

    public FileAccessPolicy(string root)
    {
        Root = Path.TrimEndingDirectorySeparator(StartDirectory.FullPathOf(root));
        RealRoot = SafePaths.RealPath(Root) ?? Root;
    }

    public string Root { get; }

    public string RealRoot { get; }

    /// <summary>SHA-256 of every file read through this policy, by full path.</summary>
    public ReadLedger Ledger { get; } = new();

    /// <summary>
    /// Why <paramref name="path"/> must not be read, or null when it may (or does not exist). <paramref name="vetted"/>
    /// skips the symlink walk for a path the inventory already resolved (it follows no directory links and
    /// checked every file link); the file-type check always runs.
    /// </summary>
    public FileRefusal? Refusal(string path, bool vetted = false)
    {
        var full = Path.GetFullPath(path);
        if (!IsInside(full, Root))
        {
            return new(RefusalKind.OutsideTheDeployment, "it is outside the deployment");
        }

        if (IsOnSpecialFileSystem(RealRoot))
        {
            return new(RefusalKind.SpecialFileSystem, $"the deployment is on a special file system ({RealRoot})");
        }

        if (!vetted)
        {
            var real = SafePaths.RealPath(full);
            if (real is null)
            {
                return new(RefusalKind.SymlinkLeadingOut, "it is a symlink that loops or cannot be resolved");
            }

            if (!IsInside(real, RealRoot))
            {
                return IsOnSpecialFileSystem(real)
                    ? new(RefusalKind.SymlinkLeadingOut, "it is a symlink into a special file system")
                    : new(RefusalKind.SymlinkLeadingOut, "it is a symlink leading outside the deployment");
            }
        }

        return FileKinds.Of(full) switch
        {
            FileKind.Missing or FileKind.Regular => null,
            FileKind.Directory => new(RefusalKind.NotARegularFile, "it is a directory"),
            _ => new(RefusalKind.NotARegularFile, "it is not a regular file (a FIFO, socket or device is never opened)"),
        };
    }

    /// <summary>Reads a whole file, or says why not (missing, refused, too large, unreadable).</summary>
    public FileRead Read(string path, long maxBytes, bool vetted = false)
    {
        if (Refusal(path, vetted) is { } refusal)
        {
            return new FileRead(null, false, refusal);
        }

        try
        {
            using var handle = File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
            var length = RandomAccess.GetLength(handle);
            if (length > maxBytes)
            {
                return FileRead.Refused(RefusalKind.TooLarge, $"it is larger than {Size(maxBytes)} ({Size(length)})");
            }

            var bytes = new byte[length];
            var offset = 0;
            int read;
            while (offset < bytes.Length && (read = RandomAccess.Read(handle, bytes.AsSpan(offset), offset)) > 0)
            {
                offset += read;
            }

            if (offset < bytes.Length)
            {
                Array.Resize(ref bytes, offset);
            }

            Ledger.Record(Path.GetFullPath(path), bytes);
            return new FileRead(bytes, false, null);
        }
        catch (FileNotFoundException)
        {
            return FileRead.NotThere;
        }
        catch (DirectoryNotFoundException)
        {
            return FileRead.NotThere;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return FileRead.Refused(RefusalKind.Unreadable, CouldNotRead(e));
        }
    }

    /// <summary>A read failure as a person reads it (no .NET exception text with the full path).</summary>
    /// <summary>The text of a small deployment file by relative path (a package's __init__.py), or null when it is refused or unreadable.</summary>
    public string? SourceOf(string relativePath) =>
        Read(Path.Combine(Root, relativePath), 1024 * 1024).Bytes is { } bytes ? System.Text.Encoding.UTF8.GetString(bytes) : null;

    public static string CouldNotRead(Exception e) =>
        e is UnauthorizedAccessException ? "it could not be read (permission denied)" : $"it could not be read ({e.Message.TrimEnd('.')})";

    public static bool IsInside(string path, string directory) =>
        path == directory || path.StartsWith(directory.TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar, StringComparison.Ordinal);

    /// <summary>/proc, /sys and /dev hold files that are not files (endless, blocking, or the process's secrets); /dev/shm is ordinary tmpfs.</summary>
    public static bool IsOnSpecialFileSystem(string path) =>
        OperatingSystem.IsLinux() && SpecialFileSystems.Any(root => IsInside(path, root)) && !IsInside(path, "/dev/shm");

    private static string Size(long bytes) =>
        bytes >= 1024 * 1024 ? $"{bytes / (1024.0 * 1024):0.#} MiB" : $"{bytes / 1024.0:0.#} KiB";
}
