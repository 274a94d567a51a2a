using Connect.Lint.Rules.Analysis;
using Connect.Lint.Rules.Manifest;
using Connect.Lint.Rules.Model;
using Connect.Lint.Rules.Model.Manifest;

namespace Connect.Lint.Rules.Entrypoints;

/// <summary>CL2001: the entrypoint's module is not a file or package of the deployment (no Python needed).</summary>
public sealed class EntrypointModuleNotFound : ManifestRule
{
    public override DiagnosticDescriptor Descriptor { get; } = Descriptors.Create(
        "CL2001", "entrypoint-module-not-found",
        "The entrypoint's module is not in the deployment",
        "module '{0}' of entrypoint '{1}' is not in the deployment: no {2} or {3}",
        RuleCategory.Entrypoint, Severity.Error);

    protected override void AnalyzeManifest(Deployment deployment, ConnectManifest manifest, DiagnosticSink sink)
    {
        if (manifest.Entrypoint is not { } node || Entrypoint.SyntaxProblem(node.Value) is not null || manifest.AppMode?.Value != AppModes.PythonApi)
        {
            return;
        }

        var module = Entrypoint.Parse(node.Value).Module;
        var asPath = module.Replace('.', '/');
        var file = asPath + ".py";
        var package = asPath + "/__init__.py";
        if (!deployment.Inventory.Contains(file) && !deployment.Inventory.Contains(package))
        {
            sink.Report(Create(At(manifest, node), null, module, node.Value, file, package));
        }
    }
}
