using Connect.Lint.Rules.Analysis;
using Connect.Lint.Rules.Model;
using Connect.Lint.Rules.Model.Json;
using Connect.Lint.Rules.Model.Manifest;

namespace Connect.Lint.Rules.Manifest;

/// <summary>A rule about a parsed Connect manifest: it runs only when manifest.json parsed and is Connect's.</summary>
public abstract class ManifestRule : Rule
{
    public sealed override void Analyze(Deployment deployment, DiagnosticSink sink)
    {
        if (deployment.Manifest is { IsConnectManifest: true } manifest)
        {
            AnalyzeManifest(deployment, manifest, sink);
        }
    }

    protected abstract void AnalyzeManifest(Deployment deployment, ConnectManifest manifest, DiagnosticSink sink);

    protected static Location At(ConnectManifest manifest, JsonNode node) => manifest.Source.LocationOf(node.Start, node.End);

    protected static Location AtName(ConnectManifest manifest, JsonProperty property) =>
        manifest.Source.LocationOf(property.NameStart, property.NameEnd);
}
