using Connect.Lint.Rules.Analysis;
using Connect.Lint.Rules.Model;

namespace Connect.Lint.Rules.Manifest;

/// <summary>CL1001: the deployment directory has no manifest.json.</summary>
public sealed class ManifestMissing : Rule
{
    public override DiagnosticDescriptor Descriptor { get; } = Descriptors.Create(
        "CL1001", "manifest-missing",
        "The deployment directory has no manifest.json",
        "no manifest.json: Git-backed deployment needs one committed beside the app{0}",
        RuleCategory.Manifest, Severity.Error, FixAvailability.Safe);

    public override void Analyze(Deployment deployment, DiagnosticSink sink)
    {
        if (deployment.ManifestLoad.Exists)
        {
            return;
        }

        Fix? fix = deployment.ProposedManifest is { } text
            ? new Fix("Write manifest.json for a python-api deployment", FixAvailability.Safe,
                [TextEdit.CreateFile(deployment.ManifestPath, text)])
            : null;
        var hint = fix is null && deployment.ProposedManifestUnavailableReason is { } reason
            ? $" (no fix: {reason})"
            : string.Empty;
        sink.Report(Create(Location.WholeFile(deployment.ManifestPath), fix, hint));
    }
}
