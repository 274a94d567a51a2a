using Connect.Lint.Rules.Analysis;
using Connect.Lint.Rules.Model;
using Connect.Lint.Rules.Model.Manifest;

namespace Connect.Lint.Rules.Manifest;

/// <summary>CL1005: the entrypoint is not of the form Connect reads (module or module:object).</summary>
public sealed class EntrypointSyntax : ManifestRule
{
    public override DiagnosticDescriptor Descriptor { get; } = Descriptors.Create(
        "CL1005", "entrypoint-syntax",
        "The entrypoint is not 'module' or 'module:object'",
        "invalid entrypoint: {0}",
        RuleCategory.Manifest, Severity.Error);

    protected override void AnalyzeManifest(Deployment deployment, ConnectManifest manifest, DiagnosticSink sink)
    {
        if (manifest.Entrypoint is { } entrypoint)
        {
            if (Entrypoint.SyntaxProblem(entrypoint.Value) is { } problem)
            {
                sink.Report(Create(At(manifest, entrypoint), null, problem));
            }
        }
        else if (manifest.EntrypointProperty is null && manifest.AppMode?.Value == AppModes.PythonApi && manifest.Metadata is { } metadata)
        {
            sink.Report(Create(At(manifest, metadata), null, "'metadata.entrypoint' is missing; write 'module:app'"));
        }
    }
}
