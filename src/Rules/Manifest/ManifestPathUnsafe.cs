using Connect.Lint.Rules.Analysis;
using Connect.Lint.Rules.Model;
using Connect.Lint.Rules.Model.Manifest;

namespace Connect.Lint.Rules.Manifest;

/// <summary>CL1010: a listed path is absolute, climbs with '..', uses backslashes or leads out through a symlink.</summary>
public sealed class ManifestPathUnsafe : ManifestRule
{
    public override DiagnosticDescriptor Descriptor { get; } = Descriptors.Create(
        "CL1010", "manifest-path-unsafe",
        "A listed path is absolute, climbs out of the deployment, or uses backslashes",
        "'{0}' cannot be deployed: {1}; it was not read",
        RuleCategory.Manifest, Severity.Error, FixAvailability.Safe);

    protected override void AnalyzeManifest(Deployment deployment, ConnectManifest manifest, DiagnosticSink sink)
    {
        foreach (var entry in manifest.FileEntries)
        {
            var reason = ManifestPaths.UnsafeReason(entry.Path) ??
                         (deployment.StateOf(entry.Path).EscapesDeployment ? "it leads out of the deployment directory through a symlink" : null);
            if (reason is not null)
            {
                sink.Report(Create(AtName(manifest, entry.Property), ManifestFixes.RegenerateFiles(deployment, manifest), Printable(entry.Path), reason));
            }
        }
    }

    private static string Printable(string path) => path.Replace("\0", "\\0", StringComparison.Ordinal);
}
