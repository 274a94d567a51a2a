using Connect.Lint.Rules.Model;
using Connect.Lint.Rules.Model.Manifest;
using Connect.Lint.Rules.Model.Requirements;
using Connect.Lint.Rules.Model.Text;

namespace Connect.Lint.Loading;

/// <summary>What was read of one deployment, before it becomes the model: the loader fills it from the disk, the rule tests from strings.</summary>
public sealed record DeploymentParts
{
    public required string Directory { get; init; }

    public bool NamedExplicitly { get; init; } = true;

    public required ManifestLoad ManifestLoad { get; init; }

    /// <summary>Deployable files (ordinal order), manifest.json not among them.</summary>
    public required IReadOnlyList<string> Inventory { get; init; }

    public IReadOnlyList<ExcludedPath> Excluded { get; init; } = [];

    public IReadOnlySet<string> VirtualEnvironments { get; init; } = new HashSet<string>();

    /// <summary>Checksums and kinds of the inventory's files and of the manifest's list.</summary>
    public required IReadOnlyDictionary<string, FileState> Files { get; init; }

    public required string PackageFile { get; init; }

    public RequirementsLoad Requirements { get; init; } = new([], [], []);

    /// <summary>The text files as read (relative path → text); their kind follows from the name.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Texts { get; init; } = [];

    public IEnumerable<UnreadFile> Unread { get; init; } = [];

    public ReadLedger ReadLedger { get; init; } = new();

    public PyprojectFacts? Pyproject { get; init; }

    public DeploymentFacts Facts { get; init; } = DeploymentFacts.None;

    public DateTime LoadedAtUtc { get; init; } = DateTime.UtcNow;
}

/// <summary>
/// The one way the model is made from what was read: the loader and the rule tests' builder both call it, so the
/// model a rule test sees cannot drift from the one a check sees (text kinds, noqa comments, the package file, the order of unread files).
/// </summary>
public static class DeploymentAssembler
{
    /// <summary>The requirements file a deployment's checksums are for: the manifest's package_file when it is a safe path.</summary>
    public static string PackageFileOf(ManifestLoad manifestLoad) =>
        manifestLoad.Manifest is { IsConnectManifest: true, PackageFile: { } listed } && ManifestPaths.UnsafeReason(listed) is null ? listed : "requirements.txt";

    public static Deployment Assemble(DeploymentParts parts)
    {
        var texts = parts.Texts
            .Select(t => (t.Key, t.Value, Kind: TextFileKinds.Of(t.Key)))
            .Where(t => t.Kind is not null)
            .Select(t => new TextFile(t.Key, new SourceText(Path.Combine(parts.Directory, t.Key), t.Value), t.Kind!.Value))
            .ToList();
        var requirements = parts.Requirements.Files;
        var suppressions = texts.Where(t => t.Kind == TextFileKind.Python).SelectMany(t => SuppressionScanner.Scan(t.FilePath, t.Text))
            .Concat(requirements.SelectMany(f => SuppressionScanner.Scan(f.FilePath, f.Source.Text)))
            .ToList();
        return new Deployment
        {
            Directory = parts.Directory,
            NamedExplicitly = parts.NamedExplicitly,
            ManifestLoad = parts.ManifestLoad,
            Inventory = parts.Inventory,
            Excluded = parts.Excluded,
            VirtualEnvironments = parts.VirtualEnvironments,
            Files = new Dictionary<string, FileState>(parts.Files, StringComparer.Ordinal),
            PackageFile = parts.PackageFile,
            Requirements = requirements,
            RequirementsProblems = parts.Requirements.Problems,
            TextFiles = texts,
            Suppressions = suppressions,
            UnreadFiles = parts.Requirements.Unread.Concat(parts.Unread)
                .DistinctBy(u => (u.RelativePath, u.Kind)) // the first reason for a path is kept
                .OrderBy(u => u.RelativePath, StringComparer.Ordinal)
                .ToList(),
            ReadLedger = parts.ReadLedger,
            Pyproject = parts.Pyproject,
            Facts = parts.Facts,
            LoadedAtUtc = parts.LoadedAtUtc,
        };
    }
}
