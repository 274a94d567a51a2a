using Connect.Lint.Rules.Analysis;
using Connect.Lint.Rules.Model;

namespace Connect.Lint.Rules.Manifest;

/// <summary>CL1002: manifest.json is not valid JSON (as Python's json module reads it).</summary>
public sealed class ManifestInvalidJson : Rule
{
    public override DiagnosticDescriptor Descriptor { get; } = Descriptors.Create(
        "CL1002", "manifest-invalid-json",
        "manifest.json is not valid JSON",
        "manifest.json is not valid JSON: {0}",
        RuleCategory.Manifest, Severity.Error);

    public override void Analyze(Deployment deployment, DiagnosticSink sink)
    {
        if (deployment.ManifestLoad.Error is { } error)
        {
            var location = new Location(deployment.ManifestPath, error.Line, error.Column, error.Line, error.Column + 1);
            sink.Report(Create(location, null, error.Message));
        }
    }
}
