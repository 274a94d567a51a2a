using System.Collections.Concurrent;
using Connect.Lint.Python;
using Connect.Lint.Rules.Model;
using Connect.Lint.Rules.Model.Manifest;
using Connect.Lint.Rules.Model.Python;

namespace Connect.Lint.Loading;

/// <summary>
/// Reads one deployment directory into the model the rules see: the manifest with positions, the deployable
/// inventory, and checksums for every inventory file and every safe path the manifest lists.
/// </summary>
public static class DeploymentLoader
{
    /// <summary>Manifests larger than this are reported, not read (a real one is kilobytes).</summary>
    public const long MaxManifestBytes = 256L * 1024 * 1024;

    /// <param name="analyse">False for write-manifest: no Git state, no text files and none of the old manifest's files list, only what a new manifest needs.</param>
    /// <param name="readGit">False when no enabled rule needs Git's view of the files.</param>
    /// <param name="reusePython">The bridge's answer of an earlier load, when nothing it depends on changed: Python is not run again.</param>
    /// <param name="named">write-manifest's EXTRA_FILES: listed whatever --exclude says (see <see cref="FileInventory.Build"/>).</param>
    /// <param name="packageFile">write-manifest's --requirements-file, instead of the manifest's package_file.</param>
    public static Deployment Load(
        DeploymentTarget target, IReadOnlyList<string> excludes, PythonOptions? python = null, ConfigExclusions? configured = null, bool analyse = true,
        bool readGit = true, PythonFacts? reusePython = null, IReadOnlySet<string>? named = null, string? packageFile = null)
    {
        Trace.Mark("load");
        var directory = Path.GetFullPath(target.Directory);
        var policy = new FileAccessPolicy(directory);
        var manifestLoad = LoadManifest(policy, Path.Combine(directory, "manifest.json"), withoutFiles: !analyse);
        Trace.Mark("manifest read");
        var globs = excludes.Select(e => RsconnectGlob.Create(e, directory)).ToList();
        var inventory = FileInventory.Build(policy, globs, configured, named);
        Trace.Mark("inventory");
        var manifest = manifestLoad.Manifest is { IsConnectManifest: true } m ? m : null;

        // The import of the user's app is the slowest step: start it first, hash files while it runs.
        var bridge = reusePython is not null
            ? Task.FromResult<(PythonFacts?, string?)>((reusePython, null))
            : python is not null && (manifestLoad.Manifest?.IsConnectManifest ?? true)
                ? Task.Run(() => PythonBridge.Run(policy, manifest, inventory.Files, python,
                    dependsOn: [.. inventory.Files.Where(IsSourceOrRequirements)]))
                : null;
        packageFile ??= manifest is not null && ManifestPaths.UnsafeReason(manifest.PackageFile) is null ? manifest.PackageFile : "requirements.txt";
        var requirementsLoad = RequirementsLoader.Load(policy, packageFile);
        var requirements = requirementsLoad.Files;
        var unread = new ConcurrentQueue<UnreadFile>(requirementsLoad.Unread.Concat(inventory.Unread)); // in order: the first reason for a path is kept

        var listed = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var entry in manifest?.FileEntries ?? [])
        {
            if (ManifestPaths.UnsafeReason(entry.Path) is null)
            {
                listed[entry.Path] = entry.Checksum?.Value;
            }
        }

        Trace.Mark("requirements read");
        var git = analyse && readGit ? Task.Run(() => GitState.Read(directory, inventory.Files)) : Task.FromResult<(GitFacts?, string?)>((null, null));
        var inInventory = new HashSet<string>(inventory.Files, StringComparer.Ordinal);
        var paths = inventory.Files.Concat(listed.Keys.Where(p => !inInventory.Contains(p))).Append(packageFile).Distinct().ToList();
        var states = new ConcurrentDictionary<string, FileState>(StringComparer.Ordinal);

        // Threads (and the native MD5) pay off for many files; a small project is hashed faster without them.
        var smallProject = paths.Count <= SmallProjectFiles;
        Output.ProgressLine.Activity($"hashing {paths.Count} files in {Reporting.DisplayPath.Of(directory)}");
        void Hash(string path)
        {
            listed.TryGetValue(path, out var listedChecksum);
            var state = StateOf(policy, path, path == packageFile, listedChecksum, inInventory.Contains(path), smallProject);
            states[path] = state;
            if (state.ReadError is { } error)
            {
                unread.Enqueue(new UnreadFile(path, error, "its checksum was not checked", UnreadKind.Refused));
            }
        }

        if (!smallProject)
        {
            Parallel.ForEach(paths, Hash);
        }
        else
        {
            paths.ForEach(Hash);
        }

        Trace.Mark("hashed");
        var (gitFacts, gitUnavailable) = git.GetAwaiter().GetResult();
        Trace.Mark("git answered");
        var scanned = inventory.Files
            .Concat(inventory.Excluded.Where(e => e.Reason.StartsWith("secrets", StringComparison.Ordinal)).Select(e => e.RelativePath))
            .Concat(gitFacts?.Tracked ?? (IEnumerable<string>)[])
            .Concat(listed.Keys);
        var texts = analyse ? TextFileReader.Read(policy, scanned, inInventory) : TextFiles.None;
        Trace.Mark("text read");
        if (bridge is { IsCompleted: false })
        {
            Output.ProgressLine.Activity($"importing the app of {Reporting.DisplayPath.Of(directory)}");
        }

        var (facts, unavailable) = bridge?.GetAwaiter().GetResult() ?? (null, null);
        return new Deployment
        {
            Python = facts,
            Requirements = requirements,
            Suppressions = [.. texts.Suppressions, .. requirements.SelectMany(f => SuppressionScanner.Scan(f.FilePath, f.Source.Text))],
            TextFiles = texts.Files,
            Git = gitFacts,
            GitUnavailableReason = gitUnavailable,
            RequirementsProblems = requirementsLoad.Problems,
            UnreadFiles = unread.Concat(texts.Unread)
                .DistinctBy(u => (u.RelativePath, u.Kind))
                .OrderBy(u => u.RelativePath, StringComparer.Ordinal)
                .ToList(),
            ReadLedger = policy.Ledger,
            PythonUnavailableReason = unavailable,
            Directory = directory,
            NamedExplicitly = target.NamedExplicitly,
            ManifestLoad = manifestLoad,
            Inventory = inventory.Files,
            Excluded = inventory.Excluded,
            VirtualEnvironments = inventory.VirtualEnvironments,
            Files = new Dictionary<string, FileState>(states, StringComparer.Ordinal),
            PackageFile = packageFile,
            Pyproject = analyse ? PyprojectReader.Read(directory) : null,
            LoadedAtUtc = DateTime.UtcNow,
        };
    }

    private static ManifestLoad LoadManifest(FileAccessPolicy policy, string path, bool withoutFiles)
    {
        if (Directory.Exists(path))
        {
            return new ManifestLoad(path, true, null, new ManifestSyntaxError("manifest.json is a directory", 1, 1));
        }

        var info = new FileInfo(path);
        if (!info.Exists && info.LinkTarget is null)
        {
            return ManifestLoad.Missing(path);
        }

        var read = policy.Read(path, MaxManifestBytes);
        return read.Bytes is { } bytes
            ? ManifestLoad.FromBytes(path, bytes, withoutFiles)
            : new ManifestLoad(path, true, null, new ManifestSyntaxError($"manifest.json was not read: {read.Refusal?.Reason ?? "it does not exist"}", 1, 1));
    }

    private const int SmallProjectFiles = 64;

    /// <summary>What an earlier import's answer is keyed on (the answer cache also checks every file the import opened).</summary>
    private static bool IsSourceOrRequirements(string relative)
    {
        var name = Path.GetFileName(relative);
        return name.EndsWith(".py", StringComparison.Ordinal) || (name.StartsWith("requirements", StringComparison.Ordinal) && name.EndsWith(".txt", StringComparison.Ordinal))
               || name is "pyproject.toml" or "setup.cfg";
    }

    private static FileState StateOf(FileAccessPolicy policy, string relative, bool isPackageFile, string? listedChecksum, bool inInventory, bool smallProject)
    {
        var full = Path.Combine(policy.Root, relative);
        if (!inInventory)
        {
            if (Directory.Exists(full))
            {
                return new FileState { Exists = true, IsRegularFile = false };
            }

            var info = new FileInfo(full);
            if (!info.Exists && info.LinkTarget is null)
            {
                return FileState.Missing;
            }
        }

        switch (policy.Refusal(full, vetted: inInventory))
        {
            case { LeadsOut: true }:
                return new FileState { Exists = true, EscapesDeployment = true };
            case { } refusal:
                return new FileState { Exists = true, IsRegularFile = false, ReadError = refusal.Reason };
        }

        if (!File.Exists(full))
        {
            return FileState.Missing;
        }

        try
        {
            if (isPackageFile)
            {
                var (checksum, alternates) = FileChecksums.Requirements(full);
                return new FileState { Exists = true, Checksum = checksum, AlternateChecksums = alternates };
            }

            var md5 = FileChecksums.Md5(full, smallProject, out var isLfsPointer);
            var variants = listedChecksum is not null && !string.Equals(listedChecksum, md5, StringComparison.OrdinalIgnoreCase)
                ? FileChecksums.LineEndingVariants(full)
                : [];
            return new FileState { Exists = true, Checksum = md5, AlternateChecksums = variants, IsLfsPointer = isLfsPointer };
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return new FileState { Exists = true, ReadError = FileAccessPolicy.CouldNotRead(e) };
        }
    }
}
