using Connect.Lint.Rules.Analysis;
using Connect.Lint.Rules.Model;
using Connect.Lint.Rules.Model.Manifest;

namespace Connect.Lint.Rules.Manifest;

/// <summary>
/// CL1014: pyproject.toml's [tool.rsconnect] (rsconnect's deployment settings) names another entrypoint or app mode
/// than manifest.json: the next `rsconnect deploy`/`write-manifest pyproject` and the Git-backed deployment disagree
/// about what runs. The fix sets the manifest's value to the table's (unsafe: either side may be the one meant).
/// </summary>
public sealed class ToolRsconnectDisagrees : ManifestRule
{
    public override DiagnosticDescriptor Descriptor { get; } = Descriptors.Create(
        "CL1014", "tool-rsconnect-disagrees",
        "pyproject.toml's [tool.rsconnect] and manifest.json name different entrypoints or app modes",
        "manifest.json's {0} is '{1}' but pyproject.toml's [tool.rsconnect] {2} is '{3}': rsconnect and this Git-backed deployment would run different things",
        RuleCategory.Manifest, Severity.Warning, FixAvailability.Unsafe);

    protected override void AnalyzeManifest(Deployment deployment, ConnectManifest manifest, DiagnosticSink sink)
    {
        if (deployment.Pyproject?.ToolRsconnect is not { } tool)
        {
            return;
        }

        if (tool.AppMode is { } appMode && manifest.AppMode is { } listedMode && listedMode.Value != appMode)
        {
            var fix = ManifestFixes.ReplaceString(manifest, listedMode, appMode, $"Set appmode to '{appMode}' as [tool.rsconnect] says") with { Safety = FixAvailability.Unsafe };
            sink.Report(Create(At(manifest, listedMode), fix, "appmode", listedMode.Value, "app_mode", appMode));
        }

        if (tool.Entrypoint is { } entrypoint && manifest.Entrypoint is { } listed && listed.Value != entrypoint)
        {
            var fix = ManifestFixes.ReplaceString(manifest, listed, entrypoint, $"Set entrypoint to '{entrypoint}' as [tool.rsconnect] says") with { Safety = FixAvailability.Unsafe };
            sink.Report(Create(At(manifest, listed), fix, "entrypoint", listed.Value, "entrypoint", entrypoint));
        }
    }
}
