using Connect.Lint.Rules.Analysis;
using Connect.Lint.Rules.Model;
using Connect.Lint.Rules.Model.Manifest;

namespace Connect.Lint.Rules.Manifest;

/// <summary>CL1006: the manifest lists a file that does not exist.</summary>
public sealed class ManifestFileMissing : ManifestRule
{
    public override DiagnosticDescriptor Descriptor { get; } = Descriptors.Create(
        "CL1006", "manifest-file-missing",
        "The manifest lists a file that does not exist",
        "'{0}' is listed in the manifest but {1}",
        RuleCategory.Manifest, Severity.Warning, FixAvailability.Safe, options: ["--exclude", "[tool.connect-lint] exclude"]);

    protected override void AnalyzeManifest(Deployment deployment, ConnectManifest manifest, DiagnosticSink sink)
    {
        foreach (var entry in manifest.FileEntries)
        {
            if (ManifestPaths.UnsafeReason(entry.Path) is not null)
            {
                continue;
            }

            var state = deployment.StateOf(entry.Path);
            if (state.EscapesDeployment)
            {
                continue;
            }

            var what = !state.Exists ? "does not exist" : !state.IsRegularFile ? "is not a file" : null;
            if (what is not null)
            {
                sink.Report(Create(AtName(manifest, entry.Property), ManifestFixes.RegenerateFiles(deployment, manifest), entry.Path, what));
            }
        }
    }
}
