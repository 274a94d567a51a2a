using Connect.Lint.Rules.Analysis;
using Connect.Lint.Rules.Model;
using Connect.Lint.Rules.Model.Manifest;

namespace Connect.Lint.Rules.Manifest;

/// <summary>CL1008: a deployable file of the project is not listed in the manifest.</summary>
public sealed class ManifestFileUnlisted : ManifestRule
{
    public override DiagnosticDescriptor Descriptor { get; } = Descriptors.Create(
        "CL1008", "manifest-file-unlisted",
        "A deployable file is not listed in the manifest",
        "'{0}' is not listed in the manifest's files: a manifest deployment leaves it out",
        RuleCategory.Manifest, Severity.Warning, FixAvailability.Safe, options: ["--exclude", "[tool.connect-lint] exclude"]);

    protected override void AnalyzeManifest(Deployment deployment, ConnectManifest manifest, DiagnosticSink sink)
    {
        if (manifest.Files is not { } files || manifest.FilesProperty is not { } filesProperty)
        {
            return;
        }

        var listed = new HashSet<string>(files.Properties.Select(p => p.Name), StringComparer.Ordinal);
        Fix? fix = null;
        foreach (var path in deployment.Inventory)
        {
            if (!listed.Contains(path) && deployment.StateOf(path).Checksum is not null)
            {
                fix ??= ManifestFixes.RegenerateFiles(deployment, manifest);
                sink.Report(Create(AtName(manifest, filesProperty), fix, path));
            }
        }
    }
}
