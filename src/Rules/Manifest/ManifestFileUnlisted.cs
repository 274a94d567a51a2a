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
                var diagnostic = Create(AtName(manifest, filesProperty), fix, path);
                sink.Report(IsDocumentation(path)
                    ? diagnostic with { Message = $"'{path}' is not listed in the manifest's files: documentation the app does not serve, so leaving it out costs nothing", Severity = Severity.Note }
                    : diagnostic);
            }
        }
    }

    private static readonly string[] DocumentationNames =
        ["README", "CHANGELOG", "CHANGES", "HISTORY", "NEWS", "LICENSE", "LICENCE", "COPYING", "NOTICE", "AUTHORS", "CONTRIBUTING", "CONTRIBUTORS", "CODE_OF_CONDUCT", "SECURITY"];

    private static readonly string[] ImageExtensions = [".png", ".jpg", ".jpeg", ".gif", ".svg", ".webp"];

    /// <summary>
    /// A file for the people who read the repository, not for the app: README, CHANGELOG, LICENSE and their kin (any
    /// extension), anything under docs/, and images outside a static or templates folder (screenshots). Unlisted, it
    /// is a note: Connect not deploying it changes nothing the app does.
    /// </summary>
    internal static bool IsDocumentation(string path)
    {
        var parts = path.Split('/');
        var name = parts[^1];
        var stem = name.Split('.')[0].ToUpperInvariant();
        if (DocumentationNames.Contains(stem) || parts[0] is "docs" or "doc")
        {
            return true;
        }

        return ImageExtensions.Any(e => name.EndsWith(e, StringComparison.OrdinalIgnoreCase))
            && !parts[..^1].Any(d => d is "static" or "templates" or "assets" or "public");
    }
}
