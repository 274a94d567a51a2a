using Connect.Lint.Rules.Analysis;
using Connect.Lint.Rules.Model;
using Connect.Lint.Rules.Model.Manifest;

namespace Connect.Lint.Rules.Manifest;

/// <summary>
/// CL1007: a listed file changed since the manifest was written. Checksums follow rsconnect (the requirements
/// file is processed before hashing) and a pure CRLF/LF difference counts as current.
/// </summary>
public sealed class ManifestChecksumStale : ManifestRule
{
    public override DiagnosticDescriptor Descriptor { get; } = Descriptors.Create(
        "CL1007", "manifest-checksum-stale",
        "A listed file changed since the manifest was written",
        "'{0}' changed since manifest.json was written (listed {1}, now {2})",
        RuleCategory.Manifest, Severity.Warning, FixAvailability.Safe);

    protected override void AnalyzeManifest(Deployment deployment, ConnectManifest manifest, DiagnosticSink sink)
    {
        foreach (var entry in manifest.FileEntries)
        {
            if (!entry.HasWellFormedChecksum || entry.Checksum is not { } listed || ManifestPaths.UnsafeReason(entry.Path) is not null)
            {
                continue;
            }

            var state = deployment.StateOf(entry.Path);
            if (state is not { Exists: true, IsRegularFile: true, EscapesDeployment: false, Checksum: { } actual } || state.Matches(listed.Value))
            {
                continue;
            }

            var fix = ManifestFixes.ReplaceString(manifest, listed, actual, $"Update the checksum of '{entry.Path}'");
            sink.Report(Create(At(manifest, listed), fix, entry.Path, Short(listed.Value), Short(actual)));
        }
    }

    private static string Short(string checksum) => checksum.Length > 8 ? checksum[..8] + "…" : checksum;
}
