using System.Collections.Concurrent;
using System.Text.RegularExpressions;
using Connect.Lint.Python;
using Connect.Lint.Rules.Model;
using Connect.Lint.Rules.Model.Manifest;

namespace Connect.Lint.Loading;

/// <summary>
/// Reads one deployment directory into the model the rules see: the manifest with positions, the deployable
/// inventory, and checksums for every inventory file and every safe path the manifest lists.
/// </summary>
public static partial class DeploymentLoader
{
    /// <summary>Manifests larger than this are reported, not read (a real one is kilobytes).</summary>
    public const long MaxManifestBytes = 256L * 1024 * 1024;

    private const long FlaskScanBudgetBytes = 4L * 1024 * 1024;

    public static Deployment Load(DeploymentTarget target, IReadOnlyList<string> excludes, PythonOptions? python = null, ConfigExclusions? configured = null)
    {
        Trace.Mark("load");
        var directory = Path.GetFullPath(target.Directory);
        var realRoot = SafePaths.RealPath(directory) ?? directory;
        var manifestLoad = LoadManifest(Path.Combine(directory, "manifest.json"), realRoot);
        var globs = excludes.Select(e => RsconnectGlob.Create(e, directory)).ToList();
        var inventory = FileInventory.Build(directory, realRoot, globs, configured);
        var manifest = manifestLoad.Manifest is { IsConnectManifest: true } m ? m : null;

        // The import of the user's app is the slowest step: start it first, hash files while it runs.
        var bridge = python is not null && (manifestLoad.Manifest?.IsConnectManifest ?? true)
            ? Task.Run(() => PythonBridge.Run(directory, manifest, inventory.Files, python))
            : null;
        var packageFile = manifest is not null && ManifestPaths.UnsafeReason(manifest.PackageFile) is null ? manifest.PackageFile : "requirements.txt";
        var (requirements, requirementsProblems) = RequirementsLoader.Load(directory, realRoot, packageFile);

        var listed = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var entry in manifest?.FileEntries ?? [])
        {
            if (ManifestPaths.UnsafeReason(entry.Path) is null)
            {
                listed[entry.Path] = entry.Checksum?.Value;
            }
        }

        var inInventory = new HashSet<string>(inventory.Files, StringComparer.Ordinal);
        var paths = inventory.Files.Concat(listed.Keys.Where(p => !inInventory.Contains(p))).Append(packageFile).Distinct().ToList();
        var states = new ConcurrentDictionary<string, FileState>(StringComparer.Ordinal);
        Parallel.ForEach(paths, path =>
        {
            listed.TryGetValue(path, out var listedChecksum);
            states[path] = StateOf(directory, realRoot, path, path == packageFile, listedChecksum, inInventory.Contains(path));
        });

        var (facts, unavailable) = bridge?.GetAwaiter().GetResult() ?? (null, null);
        return new Deployment
        {
            Python = facts,
            Requirements = requirements,
            Suppressions = ScanSuppressions(directory, inventory.Files, requirements),
            RequirementsProblems = requirementsProblems,
            PythonUnavailableReason = unavailable,
            Directory = directory,
            NamedExplicitly = target.NamedExplicitly,
            ManifestLoad = manifestLoad,
            Inventory = inventory.Files,
            Excluded = inventory.Excluded,
            VirtualEnvironments = inventory.VirtualEnvironments,
            Files = new Dictionary<string, FileState>(states, StringComparer.Ordinal),
            PackageFile = packageFile,
            LooksLikeFlaskApp = LooksLikeFlask(directory, inventory.Files),
        };
    }

    private static ManifestLoad LoadManifest(string path, string realRoot)
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

        if (!SafePaths.StaysInside(path, realRoot))
        {
            return new ManifestLoad(path, true, null, new ManifestSyntaxError("manifest.json is a symlink leading outside the deployment; not read", 1, 1));
        }

        try
        {
            if (info.Length > MaxManifestBytes)
            {
                return new ManifestLoad(path, true, null,
                    new ManifestSyntaxError($"manifest.json is {info.Length / (1024 * 1024)} MiB; manifests over {MaxManifestBytes / (1024 * 1024)} MiB are not read", 1, 1));
            }

            return ManifestLoad.FromBytes(path, File.ReadAllBytes(path));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return new ManifestLoad(path, true, null, new ManifestSyntaxError($"manifest.json could not be read: {e.Message}", 1, 1));
        }
    }

    private static FileState StateOf(string directory, string realRoot, string relative, bool isPackageFile, string? listedChecksum, bool inInventory)
    {
        var full = Path.Combine(directory, relative);
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

            if (!SafePaths.StaysInside(full, realRoot))
            {
                return new FileState { Exists = true, EscapesDeployment = true };
            }

            if (!File.Exists(full))
            {
                return FileState.Missing;
            }
        }

        try
        {
            if (isPackageFile)
            {
                var (checksum, alternates) = FileChecksums.Requirements(full);
                return new FileState { Exists = true, Checksum = checksum, AlternateChecksums = alternates };
            }

            var md5 = FileChecksums.Md5(full);
            var variants = listedChecksum is not null && !string.Equals(listedChecksum, md5, StringComparison.OrdinalIgnoreCase)
                ? FileChecksums.LineEndingVariants(full)
                : [];
            return new FileState { Exists = true, Checksum = md5, AlternateChecksums = variants };
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return new FileState { Exists = true, ReadError = e.Message };
        }
    }

    private const long MaxScannedSourceBytes = 1024 * 1024;

    /// <summary>noqa comments of the deployment's Python files and of the requirements files.</summary>
    private static IReadOnlyList<Suppression> ScanSuppressions(string directory, IReadOnlyList<string> files, IReadOnlyList<Rules.Model.Requirements.RequirementsFile> requirements)
    {
        var found = new List<Suppression>();
        foreach (var path in files.Where(p => p.EndsWith(".py", StringComparison.Ordinal)))
        {
            var full = Path.Combine(directory, path);
            try
            {
                if (new FileInfo(full).Length <= MaxScannedSourceBytes)
                {
                    found.AddRange(SuppressionScanner.Scan(full, File.ReadAllText(full)));
                }
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
            }
        }

        foreach (var file in requirements)
        {
            found.AddRange(SuppressionScanner.Scan(file.FilePath, file.Source.Text));
        }

        return found;
    }

    /// <summary>A static look for a Flask app: Python files that import flask and construct Flask(...).</summary>
    private static bool LooksLikeFlask(string directory, IReadOnlyList<string> files)
    {
        long budget = FlaskScanBudgetBytes;
        foreach (var path in files.Where(p => p.EndsWith(".py", StringComparison.Ordinal)).OrderBy(p => p.Count(c => c == '/')))
        {
            try
            {
                var full = Path.Combine(directory, path);
                var size = new FileInfo(full).Length;
                if (size > budget)
                {
                    break;
                }

                budget -= size;
                var text = File.ReadAllText(full);
                if (FlaskImport().IsMatch(text) && FlaskConstruction().IsMatch(text))
                {
                    return true;
                }
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
            }
        }

        return false;
    }

    [GeneratedRegex(@"^\s*(from\s+flask\s+import\b|import\s+flask\b)", RegexOptions.Multiline)]
    private static partial Regex FlaskImport();

    [GeneratedRegex(@"\bFlask\s*\(")]
    private static partial Regex FlaskConstruction();
}
