using Connect.Lint.Rules.Analysis;
using Connect.Lint.Rules.Model;
using Connect.Lint.Rules.Model.Manifest;

namespace Connect.Lint.Rules.Manifest;

/// <summary>CL1012: the requirements file the manifest names does not exist.</summary>
public sealed class PackageFileMissing : ManifestRule
{
    public override DiagnosticDescriptor Descriptor { get; } = Descriptors.Create(
        "CL1012", "package-file-missing",
        "The requirements file named by the manifest does not exist",
        "'{0}' (python.package_manager.package_file) does not exist: Connect cannot install the app's packages",
        RuleCategory.Manifest, Severity.Error);

    protected override void AnalyzeManifest(Deployment deployment, ConnectManifest manifest, DiagnosticSink sink)
    {
        if (manifest.Python is not { } python)
        {
            return;
        }

        // A missing requirements.txt is CL3001's; this rule is about a package file of another name.
        var packageFile = manifest.PackageFile;
        if (packageFile == "requirements.txt" || ManifestPaths.UnsafeReason(packageFile) is not null || deployment.StateOf(packageFile) is { Exists: true, IsRegularFile: true } || deployment.WasRefused(packageFile))
        {
            return;
        }

        var node = (Model.Json.JsonNode?)manifest.PackageFileNode ?? manifest.PackageManager ?? python;
        sink.Report(Create(At(manifest, node), null, packageFile));
    }
}
