using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Connect.Lint.Python;
using Connect.Lint.Rules.Model.Python;

namespace Connect.Lint.Caching;

/// <summary>
/// The bridge's last clean answer per deployment, reused without starting Python while nothing it depends on changed
/// (as ruff skips files it has seen). The key: the tool's version, the interpreter binary, the host and the request
/// (entrypoint, sources, timeout), and the deployment's Python sources and requirements files (path, size,
/// modification time). Checked against the entry: the environment's sys.path directories, the files the import opened
/// and the directories it listed (inside the deployment or not: a .env, a config file, an editable install), and the
/// values of the environment variables it read (kept as keyed hashes: no secret is written to disk). So a commit that
/// only edits templates or data the import does not read reuses the answer. An input that changed within
/// <see cref="RacyWindow"/> of the answer being kept may have changed again unseen, so that answer is not trusted
/// (Git's "racy clean" rule). Timeouts, crashes and answers that read the whole environment are never kept.
/// </summary>
public static class FactsCache
{
    private static readonly TimeSpan RacyWindow = TimeSpan.FromSeconds(2);

    /// <summary>
    /// True for an interpreter that is a script choosing the real one (pyenv's shims, `#!`): the same path may start
    /// another Python tomorrow (`pyenv local 3.12`), which nothing the cache can see would tell. No answer is kept for it.
    /// </summary>
    public static bool IsLauncherScript(string interpreter)
    {
        try
        {
            using var stream = File.OpenRead(interpreter);
            Span<byte> start = stackalloc byte[2];
            return stream.Read(start) == 2 && start[0] == (byte)'#' && start[1] == (byte)'!';
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return true;
        }
    }

    /// <summary>What the key is computed from; everything else is checked against the entry.</summary>
    public sealed record Inputs(BridgeRequest Request, string HostName, string Root, IReadOnlyList<string> Files)
    {
        private (string Key, DateTimeOffset Newest)? _key;

        /// <summary>Computed once (it stats every source): Lookup and, on a miss, Store use the same.</summary>
        internal (string Key, DateTimeOffset Newest) Key => _key ??= KeyOf(this);
    }

    public static PythonFacts? Lookup(Inputs inputs)
    {
        var (key, newest) = inputs.Key;
        if (ToolCache.Read(NameFor(inputs)) is not { } text)
        {
            return null;
        }

        try
        {
            using var document = JsonDocument.Parse(text);
            var root = document.RootElement;
            var stored = DateTimeOffset.FromUnixTimeMilliseconds(root.GetProperty("stored").GetInt64());
            if (root.GetProperty("key").GetString() != key || newest >= stored - RacyWindow)
            {
                return null;
            }

            foreach (var directory in root.GetProperty("environment").EnumerateArray())
            {
                var path = directory[0].GetString()!;
                var recorded = directory[1].GetInt64();
                var modified = Directory.Exists(path) ? ModifiedNanoseconds(path) : -1;
                if (modified != recorded - (recorded % 100) || ModifiedAt(modified) >= stored - RacyWindow)
                {
                    return null;
                }
            }

            foreach (var file in root.GetProperty("opened").EnumerateArray())
            {
                if (FileStamp(file[0].GetString()!) is var (length, modified) && (length != file[1].GetInt64() || modified != file[2].GetInt64()
                    || (modified >= 0 && new DateTimeOffset(modified, TimeSpan.Zero) >= stored - RacyWindow)))
                {
                    return null;
                }
            }

            foreach (var listed in root.GetProperty("listed").EnumerateArray())
            {
                var modified = DirectoryStamp(listed[0].GetString()!);
                if (modified != listed[1].GetInt64() || (modified >= 0 && new DateTimeOffset(modified, TimeSpan.Zero) >= stored - RacyWindow))
                {
                    return null;
                }
            }

            foreach (var variable in root.GetProperty("variables").EnumerateObject())
            {
                if (ValueHash(variable.Name) != variable.Value.GetString())
                {
                    return null;
                }
            }

            var lines = root.GetProperty("lines").EnumerateArray().Select(l => l.GetString()!).ToList();
            var facts = BridgeAnswer.Parse(inputs.Request, inputs.HostName, lines, string.Empty, timedOut: false, exitCode: 0);
            return facts.Import is null ? null : facts with { FromCache = true };
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException or IndexOutOfRangeException or FormatException or IOException)
        {
            return null;
        }
    }

    /// <summary>Keeps a clean answer: the import finished in the host asked for, the environment's key came with it and the variables it read are known.</summary>
    public static void Store(Inputs inputs, PythonFacts facts, IReadOnlyList<string> lines)
    {
        if (facts is not { Import: not null, TimedOut: false, HardExitCode: null, HostFallbackReason: null, EnvironmentReads: { } reads, FilesRead: { } read, PackagesAnswer: { } packages })
        {
            return;
        }

        var (key, _) = inputs.Key;
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
        {
            writer.WriteStartObject();
            writer.WriteString("tool", ToolInfo.Version);
            writer.WriteString("key", key);
            writer.WriteNumber("stored", DateTimeOffset.UtcNow.ToUnixTimeMilliseconds());
            writer.WritePropertyName("environment");
            writer.WriteRawValue(packages.EnvironmentKey);
            writer.WriteStartArray("opened");
            foreach (var path in read.Opened)
            {
                var (length, modified) = FileStamp(path);
                writer.WriteStartArray();
                writer.WriteStringValue(path);
                writer.WriteNumberValue(length);
                writer.WriteNumberValue(modified);
                writer.WriteEndArray();
            }

            writer.WriteEndArray();
            writer.WriteStartArray("listed");
            foreach (var path in read.Listed)
            {
                writer.WriteStartArray();
                writer.WriteStringValue(path);
                writer.WriteNumberValue(DirectoryStamp(path));
                writer.WriteEndArray();
            }

            writer.WriteEndArray();
            writer.WriteStartObject("variables");
            foreach (var name in reads)
            {
                writer.WriteString(name, ValueHash(name));
            }

            writer.WriteEndObject();
            writer.WriteStartArray("lines");
            foreach (var line in lines.Where(l => !string.IsNullOrWhiteSpace(l)))
            {
                writer.WriteStringValue(WithoutInstalled(line));
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        ToolCache.Write(NameFor(inputs), Encoding.UTF8.GetString(stream.ToArray()));
    }

    /// <summary>
    /// The packages line without the distributions themselves (PackageCache holds them, under the same environment
    /// key): a reused answer then reads as "unchanged", and the distributions come from there.
    /// </summary>
    private static string WithoutInstalled(string line)
    {
        using var document = JsonDocument.Parse(line);
        if (document.RootElement.TryGetProperty("kind", out var kind) && kind.GetString() == "packages")
        {
            return $"{{\"kind\": \"packages\", \"protocol\": {BridgeProtocol.Version}, \"key\": {document.RootElement.GetProperty("key").GetRawText()}, \"installed\": null}}";
        }

        return line;
    }

    /// <summary>The hash of what must be equal, and when the newest file of the deployment changed.</summary>
    private static (string Key, DateTimeOffset Newest) KeyOf(Inputs inputs)
    {
        var request = inputs.Request with { KnownPackagesKey = null };
        var interpreter = new FileInfo(File.ResolveLinkTarget(request.Interpreter.Path, returnFinalTarget: true)?.FullName ?? request.Interpreter.Path);
        var text = new StringBuilder()
            .Append(ToolInfo.Version).Append('\n')
            .Append(BridgeProtocol.ScriptHash.Value).Append('\n')
            .Append(inputs.HostName).Append('\n')
            .Append(request.Interpreter.Path).Append('\n')
            .Append(interpreter.Exists ? $"{interpreter.FullName} {interpreter.Length} {interpreter.LastWriteTimeUtc.Ticks}" : "missing").Append('\n')
            .Append(BridgeProtocol.RequestJson(request)).Append('\n');
        var newest = DateTimeOffset.MinValue;
        foreach (var relative in inputs.Files.Order(StringComparer.Ordinal))
        {
            var file = new FileInfo(Path.Combine(inputs.Root, relative));
            if (file.Exists)
            {
                text.Append(relative).Append(' ').Append(file.Length).Append(' ').Append(file.LastWriteTimeUtc.Ticks).Append('\n');
                newest = file.LastWriteTimeUtc > newest ? file.LastWriteTimeUtc : newest;
            }
        }

        return (Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString()))), newest);
    }

    private static string NameFor(Inputs inputs) =>
        Path.Combine("facts", Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{inputs.Root}\n{inputs.Request.Entrypoint}\n{inputs.HostName}\n{inputs.Request.Interpreter.Path}")))[..32] + ".json");

    /// <summary>A variable's value, keyed-hashed with the cache's own secret: what the file shows cannot be tried against guesses elsewhere.</summary>
    private static string ValueHash(string name) =>
        Environment.GetEnvironmentVariable(name) is { } value ? Convert.ToHexStringLower(HMACSHA256.HashData(ToolCache.Secret(), Encoding.UTF8.GetBytes(value))) : "unset";

    /// <summary>A file's length and modification time (UTC ticks); (-1, -1) when it is not there.</summary>
    private static (long Length, long Modified) FileStamp(string path)
    {
        var file = new FileInfo(path);
        return file.Exists ? (file.Length, file.LastWriteTimeUtc.Ticks) : (-1, -1);
    }

    /// <summary>A directory's modification time (UTC ticks), which changes when an entry is added or removed; -1 when it is not there.</summary>
    private static long DirectoryStamp(string path) => Directory.Exists(path) ? Directory.GetLastWriteTimeUtc(path).Ticks : -1;

    /// <summary>A directory's modification time in nanoseconds since the epoch, to .NET's 100 ns (Python's st_mtime_ns, truncated).</summary>
    private static long ModifiedNanoseconds(string path) => (Directory.GetLastWriteTimeUtc(path) - DateTime.UnixEpoch).Ticks * 100;

    private static DateTimeOffset ModifiedAt(long nanoseconds) => DateTimeOffset.UnixEpoch.AddTicks(nanoseconds / 100);
}
