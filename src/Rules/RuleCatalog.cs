using Connect.Lint.Rules.Analysis;
using Connect.Lint.Rules.Requirements;
using Connect.Lint.Rules.Entrypoints;
using Connect.Lint.Rules.Manifest;
using Connect.Lint.Rules.Git;
using Connect.Lint.Rules.Security;
using Connect.Lint.Rules.Tool;

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
        new PythonVersionMismatch(),
        new PackageFileMissing(),
        new NotAConnectManifest(),
        new EntrypointModuleNotFound(),
        new EntrypointImportFailed(),
        new EntrypointObjectNotFound(),
        new EntrypointNotWsgi(),
        new ImportTimeout(),
        new AppRunAtImport(),
        new ImportExits(),
        new UrlRuleConflict(),
        new BlueprintNotRegistered(),
        new RequirementsMissing(),
        new RequirementsSyntax(),
        new ImportNotDeclared(),
        new LocalPathRequirement(),
        new LocalVersionLabel(),
        new PlatformOnlyRequirement(),
        new UnpinnedRequirement(),
        new EnvironmentDrift(),
        new IndexCredentials(),
        new NotCommitted(),
        new SecretInDeployment(),
        new GitLfsPointer(),
        new GeneratedFilesCommitted(),
        new DebugEnabled(),
        new HardcodedSecretKey(),
        new RootRelativeUrl(),
        new CredentialInSource(),
        new PythonUnavailable(),
        new EnvironmentIncomplete(),
        new UnusedSuppression(),
        new FileNotRead(),
        new AnalysisLimit(),
    ];

    public static Rule? Find(string id) => All.FirstOrDefault(r => string.Equals(r.Descriptor.Id, id, StringComparison.OrdinalIgnoreCase));
}
