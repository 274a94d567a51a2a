using Connect.Lint.Rules.Analysis;
using Connect.Lint.Rules.Model;

namespace Connect.Lint.Rules.Manifest;

/// <summary>CL1013: the manifest.json here belongs to something else (a web app or browser extension).</summary>
public sealed class NotAConnectManifest : Rule
{
    public override DiagnosticDescriptor Descriptor { get; } = Descriptors.Create(
        "CL1013", "not-a-connect-manifest",
        "manifest.json is not a Connect manifest",
        "manifest.json is not a Connect manifest (it looks like a web app or browser extension manifest); skipped. Connect would read it as its own if this directory were deployed",
        RuleCategory.Manifest, Severity.Note);

    public override void Analyze(Deployment deployment, DiagnosticSink sink)
    {
        if (deployment.Manifest is { IsConnectManifest: false } manifest)
        {
            sink.Report(Create(manifest.Source.LocationOf(manifest.Root.Start, manifest.Root.Start + 1), null));
        }
    }
}
