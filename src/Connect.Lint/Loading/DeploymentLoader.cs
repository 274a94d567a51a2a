using System.Collections.Concurrent;
using Connect.Lint.Rules.Model;
using Connect.Lint.Rules.Model.Manifest;

namespace Connect.Lint.Loading;

/// <summary>
/// Reads one deployment directory: the manifest with positions, the deployable inventory, checksums for every
/// inventory file and every safe path the manifest lists, the requirements chain and the text files; the model
/// itself is the assembler's (<see cref="DeploymentAssembler"/>). The costly facts are not its business: it starts
/// what <paramref name="startFacts"/> gives it once the inventory is known, and reads the files while they run.
/// </summary>
public static class DeploymentLoader
{
    /// <summary>Manifests larger than this are reported, not read (a real one is kilobytes).</summary>
    public const long MaxManifestBytes = 256L * 1024 * 1024;

    public static Deployment Load(DeploymentTarget target, LoadOptions options, Func<ProjectInventory, FactsInFlight>? startFacts = null)
    {
        Trace.Mark("load");
        var directory = StartDirectory.FullPathOf(target.Directory);
        var policy = new FileAccessPolicy(directory);
        var manifestLoad = LoadManifest(policy, Path.Combine(directory, "manifest.json"), withoutFiles: !options.Analyse);
        Trace.Mark("manifest read");
        var globs = options.Excludes.Select(e => RsconnectGlob.Create(e, directory)).ToList();
        var inventory = FileInventory.Build(policy, globs, options.Configured, options.Named);
        Trace.Mark("inventory");
        var project = new ProjectInventory(directory, policy, manifestLoad, inventory.Files);

        // The costly facts (the import of the user's app is the slowest step) start first; files are hashed while they run.
        var inFlight = startFacts?.Invoke(project);
        var packageFile = options.PackageFile ?? DeploymentAssembler.PackageFileOf(manifestLoad);
        var requirements = RequirementsLoader.Load(policy, packageFile);
        var unread = new ConcurrentQueue<UnreadFile>(inventory.Unread); // in order: the first reason for a path is kept

        var listed = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var entry in project.Manifest?.FileEntries ?? [])
        {
            if (ManifestPaths.UnsafeReason(entry.Path) is null)
            {
                listed[entry.Path] = entry.Checksum?.Value;
            }
        }

        Trace.Mark("requirements read");
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
        var scanned = inventory.Files
            .Concat(inventory.Excluded.Where(e => e.Reason.StartsWith("secrets", StringComparison.Ordinal)).Select(e => e.RelativePath))
            .Concat(listed.Keys)
            .ToHashSet(StringComparer.Ordinal);
        var texts = options.Analyse ? TextFileReader.Read(policy, scanned, inInventory) : TextFiles.None;
        Trace.Mark("text read");
        if (inFlight?.Activity() is { Length: > 0 } activity)
        {
            Output.ProgressLine.Activity($"{activity} of {Reporting.DisplayPath.Of(directory)}");
        }

        var facts = inFlight?.Facts.GetAwaiter().GetResult() ?? DeploymentFacts.None;
        Trace.Mark("facts gathered");

        // What Git will commit is scanned too, though it is not deployable here (a committed .env).
        var committed = options.Analyse && facts.Git.Value is { } git
            ? TextFileReader.Read(policy, git.Tracked.Where(p => !scanned.Contains(p)).Order(StringComparer.Ordinal), inInventory)
            : TextFiles.None;
        return DeploymentAssembler.Assemble(new DeploymentParts
        {
            Directory = directory,
            NamedExplicitly = target.NamedExplicitly,
            ManifestLoad = manifestLoad,
            Inventory = inventory.Files,
            Excluded = inventory.Excluded,
            VirtualEnvironments = inventory.VirtualEnvironments,
            Files = states,
            PackageFile = packageFile,
            Requirements = requirements,
            Texts = [.. texts.Texts, .. committed.Texts],
            Unread = [.. unread, .. texts.Unread, .. committed.Unread],
            ReadLedger = policy.Ledger,
            Pyproject = options.Analyse ? PyprojectReader.Read(directory) : null,
            Facts = facts,
        });
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
