using Connect.Lint.Rules.Analysis;
using Connect.Lint.Rules.Model;
using Connect.Lint.Rules.Model.Manifest;

namespace Connect.Lint.Rules.Manifest;

/// <summary>CL1009: the manifest lists bytecode, a virtual environment, VCS data or node_modules.</summary>
public sealed class ManifestListsJunk : ManifestRule
{
    public override DiagnosticDescriptor Descriptor { get; } = Descriptors.Create(
        "CL1009", "manifest-lists-junk",
        "The manifest lists files that should not be deployed",
        "'{0}' is {1}; it should not be deployed",
        RuleCategory.Manifest, Severity.Note, FixAvailability.Safe);

    protected override void AnalyzeManifest(Deployment deployment, ConnectManifest manifest, DiagnosticSink sink)
    {
        foreach (var entry in manifest.FileEntries)
        {
            if (ManifestPaths.UnsafeReason(entry.Path) is null &&
                PathExclusions.ListedJunkReason(entry.Path, deployment.VirtualEnvironments) is { } reason)
            {
                sink.Report(Create(AtName(manifest, entry.Property), ManifestFixes.RegenerateFiles(deployment, manifest), entry.Path, reason));
            }
        }
    }
}
