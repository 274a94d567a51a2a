using Connect.Lint.Rules.Analysis;
using Connect.Lint.Rules.Manifest;

namespace Connect.Lint.Rules;

/// <summary>Every rule the linter runs, in ID order. A new rule is added here and nowhere else.</summary>
public static class RuleCatalog
{
    public static IReadOnlyList<Rule> All { get; } =
    [
        new ManifestMissing(),
        new ManifestInvalidJson(),
        new ManifestSchema(),
        new AppModeNotPythonApi(),
        new EntrypointSyntax(),
        new ManifestFileMissing(),
        new ManifestChecksumStale(),
        new ManifestFileUnlisted(),
        new ManifestListsJunk(),
        new ManifestPathUnsafe(),
        new PackageFileMissing(),
        new NotAConnectManifest(),
    ];

    public static Rule? Find(string id) => All.FirstOrDefault(r => string.Equals(r.Descriptor.Id, id, StringComparison.OrdinalIgnoreCase));
}
