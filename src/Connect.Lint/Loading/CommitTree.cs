using System.Diagnostics;
using System.Text;
using Connect.Lint.Rules.Model;

namespace Connect.Lint.Loading;

/// <summary>
/// Opens the commit <c>check --rev</c> describes. Connect clones the branch and deploys one directory of it, so the
/// files are the commit's — written from Git's objects (<c>ls-tree</c>, <c>cat-file --batch</c>), never through a
/// checkout: the work tree and the index are not touched and no filter runs, so an LFS pointer stays a pointer, as on
/// Connect. Only what the check reads is written: the named directories (or the deployment a named file is in), and of
/// the directories above them the files that settle settings and discovery. When the work tree already holds exactly
/// those files, nothing is written and the check runs there, sharing the work tree's cached answers.
/// </summary>
public static class CommitTree
{
    /// <summary>Files of the directories above a deployment that the check reads: its settings and the manifest discovery walks up to.</summary>
    private static readonly string[] AncestorFiles = ["pyproject.toml", "manifest.json"];

    /// <summary>How long writing a commit's files may take (a repository of large files on a slow disk).</summary>
    private static readonly TimeSpan WriteTimeout = TimeSpan.FromMinutes(5);

    /// <summary>
    /// The commit <paramref name="revision"/> names in the repository of the first PATH, with <paramref name="paths"/>
    /// (the command line's PATHs) as they are to be given to discovery: paths of the commit's files.
    /// </summary>
    /// <param name="absentStandsForDeployment">A PATH the commit lacks stands for the deployment above it (a file a push deleted), or for nothing.</param>
    public static (CheckedCommit Commit, IReadOnlyList<string> Paths) Open(string revision, IReadOnlyList<string> paths, bool absentStandsForDeployment = false)
    {
        if (revision.Length == 0 || revision.StartsWith('-') || revision.Any(char.IsControl))
        {
            throw new UsageException($"--rev '{Output.OutputSafety.Escape(revision)}': not a revision (a branch, a tag, HEAD or a commit's SHA)");
        }

        var start = StartDirectory.Path;
        paths = paths.Count == 0 ? ["."] : paths;
        var first = ExistingDirectoryOf(StartDirectory.FullPathOf(paths[0]));
        // One git call for both: the repository's top, then the commit (nothing for the commit when there is no such one).
        var resolved = GitCli.RunWithError(first, ["rev-parse", "--show-toplevel", "--verify", "--quiet", "--end-of-options", revision + "^{commit}"]);
        var lines = resolved.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        if (lines.Length == 0)
        {
            throw new UsageException($"--rev {revision}: {Reporting.DisplayPath.ForLine(first)} is not inside a Git repository ({FirstLine(resolved.Stderr)})");
        }

        var root = lines[0];
        if (!resolved.Succeeded || lines.Length != 2)
        {
            throw new UsageException($"--rev {revision}: no such commit in {Reporting.DisplayPath.ForLine(root)}");
        }

        var sha = lines[1].Trim();
        var entries = ListTree(root, sha);
        var roots = new List<string>();
        var named = new List<string>();
        foreach (var path in paths)
        {
            var relative = RepositoryRelative(root, start, path, revision);
            var isFile = entries.ContainsKey(relative);
            if (!isFile && !IsDirectoryOf(entries, relative) && absentStandsForDeployment)
            {
                if (DeploymentOf(entries, relative) is var above && entries.ContainsKey(Join(above, "manifest.json")))
                {
                    roots.Add(above);
                    named.Add(above);
                }

                continue;
            }

            if (!isFile && !IsDirectoryOf(entries, relative))
            {
                throw new UsageException($"{Reporting.DisplayPath.ForLine(StartDirectory.FullPathOf(path))}: not in commit {sha[..12]} ({revision})");
            }

            roots.Add(isFile ? DeploymentOf(entries, relative) : relative);
            named.Add(relative);
        }

        var wanted = Wanted(entries, roots);
        var copy = MatchesWorkTree(root, sha, roots) ? root : Write(root, sha, entries, wanted);
        var commit = new CheckedCommit(revision, sha, root, copy, entries);
        return (commit, named.Select(r => r.Length == 0 ? copy : Path.Combine(copy, r)).ToList());
    }

    /// <summary>The directory git is asked in for a PATH: the PATH itself, or the nearest directory above it that exists (a file deleted since).</summary>
    private static string ExistingDirectoryOf(string full)
    {
        for (var directory = full; ; directory = Path.GetDirectoryName(directory)!)
        {
            if (Directory.Exists(directory) || Path.GetDirectoryName(directory) is null)
            {
                return directory;
            }
        }
    }

    private static string FirstLine(string text) => text.Split('\n')[0].Trim() is { Length: > 0 } line ? line : "git failed";

    /// <summary>A PATH as a path of the repository ("" for its top), or a usage error when it is outside.</summary>
    private static string RepositoryRelative(string root, string start, string path, string revision)
    {
        var full = Path.GetFullPath(path, start);
        var real = SafePaths.RealPath(full) ?? full;
        var relative = Path.GetRelativePath(SafePaths.RealPath(root) ?? root, real).Replace('\\', '/');
        if (relative == ".." || relative.StartsWith("../", StringComparison.Ordinal) || Path.IsPathRooted(relative))
        {
            throw new UsageException($"{Reporting.DisplayPath.ForLine(full)}: outside the repository whose commit --rev {revision} names ({Reporting.DisplayPath.ForLine(root)})");
        }

        return relative == "." ? string.Empty : relative;
    }

    private static bool IsDirectoryOf(IReadOnlyDictionary<string, TreeEntry> entries, string relative) =>
        relative.Length == 0 || entries.Keys.Any(p => p.StartsWith(relative + "/", StringComparison.Ordinal));

    /// <summary>The directory a committed file deploys with: the nearest one above it holding a manifest.json, else its own.</summary>
    private static string DeploymentOf(IReadOnlyDictionary<string, TreeEntry> entries, string file) =>
        Ancestors(file).FirstOrDefault(directory => entries.ContainsKey(Join(directory, "manifest.json"))) ?? Parent(file);

    private static string Parent(string path) => path.LastIndexOf('/') is var slash and >= 0 ? path[..slash] : string.Empty;

    private static string Join(string directory, string name) => directory.Length == 0 ? name : directory + "/" + name;

    /// <summary>Every file below the roots, and the settling files of the directories above them.</summary>
    private static HashSet<string> Wanted(IReadOnlyDictionary<string, TreeEntry> entries, List<string> roots)
    {
        var wanted = new HashSet<string>(StringComparer.Ordinal);
        foreach (var root in roots)
        {
            wanted.UnionWith(entries.Keys.Where(p => root.Length == 0 || p.StartsWith(root + "/", StringComparison.Ordinal)));
            wanted.UnionWith(Ancestors(root).SelectMany(directory => AncestorFiles.Select(name => Join(directory, name))).Where(entries.ContainsKey));
        }

        return wanted;
    }

    /// <summary>The commit's files: <c>git ls-tree -r</c>, without paths no checkout would write (.., .git, empty parts).</summary>
    private static Dictionary<string, TreeEntry> ListTree(string root, string sha)
    {
        var listing = GitCli.Run(root, ["ls-tree", "-r", "-z", "--full-tree", sha])
                      ?? throw new UsageException($"--rev {sha[..12]}: git could not list the commit's files");
        var entries = new Dictionary<string, TreeEntry>(StringComparer.Ordinal);
        foreach (var record in listing.Split('\0', StringSplitOptions.RemoveEmptyEntries))
        {
            // "<mode> <type> <object>\t<path>"
            var tab = record.IndexOf('\t');
            var fields = tab < 0 ? [] : record[..tab].Split(' ');
            var path = tab < 0 ? string.Empty : record[(tab + 1)..];
            if (fields.Length == 3 && IsCheckoutPath(path))
            {
                entries[path] = new TreeEntry(fields[0], fields[2]);
            }
        }

        return entries;
    }

    private static bool IsCheckoutPath(string path) =>
        path.Length > 0 && path.Split('/').All(part => part.Length > 0 && part != "." && part != ".." && !part.Equals(".git", StringComparison.OrdinalIgnoreCase));

    /// <summary>
    /// True when the work tree holds exactly the commit's files below the roots (and the same settling files above):
    /// nothing differs (<c>git diff REV</c>) and nothing is there that the commit lacks, other than what no check reads
    /// (bytecode, virtual environments, tool caches). A .env does count: the import may read it.
    /// </summary>
    private static bool MatchesWorkTree(string root, string sha, List<string> roots)
    {
        var pathspecs = roots.Select(r => $":(top,literal){r}").Concat(
            roots.SelectMany(Ancestors).Distinct().SelectMany(d => AncestorFiles.Select(name => $":(top,literal){Join(d, name)}"))).ToList();
        if (StatusAgainstHead(root, sha, pathspecs) is { } matchesHead)
        {
            return matchesHead;
        }

        var changed = GitCli.Run(root, ["diff", "--no-ext-diff", "--no-renames", "--ignore-submodules", "--name-only", "-z", sha, "--", .. pathspecs]);
        if (changed is not { Length: 0 })
        {
            return false;
        }

        var extra = GitCli.Run(root, ["ls-files", "-z", "--others", "--directory", "--no-empty-directory", "--", .. pathspecs]);
        return extra is not null && extra.Split('\0', StringSplitOptions.RemoveEmptyEntries).All(path => NeverRead(root, path));
    }

    /// <summary>
    /// For the commit HEAD is (the usual case: check --rev HEAD, a push of the branch checked out), one
    /// <c>git status</c> answers: no change, and only what no check reads untracked or ignored. Null for another commit.
    /// </summary>
    private static bool? StatusAgainstHead(string root, string sha, List<string> pathspecs)
    {
        var status = GitCli.Run(root, ["status", "--porcelain=v2", "-z", "--branch", "--no-renames", "--untracked-files=normal", "--ignored=traditional", "--", .. pathspecs]);
        var entries = status?.Split('\0', StringSplitOptions.RemoveEmptyEntries) ?? [];
        if (!entries.Contains($"# branch.oid {sha}"))
        {
            return null;
        }

        // "? path" untracked, "! path" ignored; "1 …", "2 …", "u …" are changes.
        return entries.Where(e => !e.StartsWith("# ", StringComparison.Ordinal))
            .All(e => e.Length > 2 && e[0] is '?' or '!' && e[1] == ' ' && NeverRead(root, e[2..]));
    }

    /// <summary>The directories above a path, nearest first, up to the repository's top ("").</summary>
    private static IEnumerable<string> Ancestors(string directory)
    {
        while (directory.Length > 0)
        {
            directory = Parent(directory);
            yield return directory;
        }
    }

    /// <summary>An untracked path that no check reads (so the work tree still stands for the commit).</summary>
    private static bool NeverRead(string root, string path)
    {
        if (path.EndsWith('/'))
        {
            var directory = path.TrimEnd('/');
            return PathExclusions.DirectoryReason(directory, FileInventory.IsVirtualEnvironment(Path.Combine(root, directory))) is not null;
        }

        var name = path[(path.LastIndexOf('/') + 1)..];
        return name != "manifest.json" && !PathExclusions.IsEnvFile(name) && PathExclusions.FileReason(path) is not null;
    }

    /// <summary>Writes the wanted files of the commit into a new private directory (with an empty .git, so that walks up stop there, as at a clone's top).</summary>
    private static string Write(string root, string sha, IReadOnlyDictionary<string, TreeEntry> entries, HashSet<string> wanted)
    {
        var copy = Path.Combine(Path.GetTempPath(), $"connect-lint-commit-{sha[..12]}-{Guid.NewGuid():N}"[..48]);
        Directory.CreateDirectory(Path.Combine(copy, ".git"));
        try
        {
            var blobs = new List<(string Path, TreeEntry Entry)>();
            foreach (var path in wanted.Order(StringComparer.Ordinal))
            {
                var entry = entries[path];
                var target = Path.Combine(copy, path);
                if (entry.IsSubmodule)
                {
                    Directory.CreateDirectory(target); // a clone leaves a submodule empty
                    continue;
                }

                Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                blobs.Add((target, entry));
            }

            WriteBlobs(root, blobs);
            return copy;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            Directory.Delete(copy, recursive: true);
            throw new UsageException($"--rev {sha[..12]}: the commit's files could not be written to {copy} ({e.Message.TrimEnd('.')})");
        }
        catch
        {
            Directory.Delete(copy, recursive: true);
            throw;
        }
    }

    /// <summary>The blobs' bytes through one <c>git cat-file --batch</c>: a header line, the bytes, a newline, per object.</summary>
    private static void WriteBlobs(string root, List<(string Path, TreeEntry Entry)> blobs)
    {
        if (blobs.Count == 0)
        {
            return;
        }

        var start = GitCli.StartInfo(root, ["cat-file", "--batch"]);
        start.RedirectStandardInput = start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        start.UseShellExecute = false;
        using var process = Process.Start(start) ?? throw new UsageException("git could not be started");
        using var tracked = Processes.ChildProcesses.Track(process, ownGroup: false);
        using var deadline = new Timer(_ => { try { process.Kill(entireProcessTree: true); } catch (InvalidOperationException) { } }, null, WriteTimeout, Timeout.InfiniteTimeSpan);
        var ids = string.Concat(blobs.Select(b => b.Entry.ObjectId + "\n"));
        var writer = new Thread(() =>
        {
            try
            {
                process.StandardInput.Write(ids);
                process.StandardInput.Close();
            }
            catch (IOException)
            {
                // git stopped reading: the missing answer says so below.
            }
        }) { IsBackground = true };
        writer.Start();
        _ = process.StandardError.ReadToEndAsync();
        var output = new BufferedStream(process.StandardOutput.BaseStream, 1 << 16);
        foreach (var (path, entry) in blobs)
        {
            var header = ReadLine(output)?.Split(' ');
            if (header is not { Length: 3 } || header[1] != "blob" || !long.TryParse(header[2], out var size))
            {
                throw new UsageException($"{path}: git could not read object {entry.ObjectId} of the commit");
            }

            if (entry.IsLink)
            {
                var bytes = new byte[size];
                output.ReadExactly(bytes);
                File.CreateSymbolicLink(path, Encoding.UTF8.GetString(bytes));
            }
            else
            {
                using (var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write))
                {
                    CopyExactly(output, file, size);
                }

                if (entry.Mode == "100755" && !OperatingSystem.IsWindows())
                {
                    File.SetUnixFileMode(path, File.GetUnixFileMode(path) | UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute);
                }
            }

            output.ReadByte(); // the newline after each object
        }

        process.WaitForExit();
    }

    private static string? ReadLine(Stream stream)
    {
        var bytes = new List<byte>();
        for (var b = stream.ReadByte(); b != '\n'; b = stream.ReadByte())
        {
            if (b < 0)
            {
                return null;
            }

            bytes.Add((byte)b);
        }

        return Encoding.UTF8.GetString(bytes.ToArray());
    }

    private static void CopyExactly(Stream from, Stream to, long count)
    {
        var buffer = new byte[81920];
        while (count > 0)
        {
            var read = from.Read(buffer, 0, (int)Math.Min(buffer.Length, count));
            if (read <= 0)
            {
                throw new EndOfStreamException("git's output ended inside an object");
            }

            to.Write(buffer, 0, read);
            count -= read;
        }
    }
}
