using Connect.Lint.Rules.Analysis;
using Connect.Lint.Rules.Model;
using Connect.Lint.Rules.Model.Requirements;

namespace Connect.Lint.Rules.Requirements;

/// <summary>CL3006: a Windows- or macOS-only package without an environment marker; Connect installs on Linux.</summary>
public sealed class PlatformOnlyRequirement : RequirementsRule
{
    private static readonly Dictionary<string, string> Platforms = new(StringComparer.Ordinal)
    {
        ["pywin32"] = "win32", ["pypiwin32"] = "win32", ["wmi"] = "win32", ["comtypes"] = "win32", ["pywinpty"] = "win32",
        ["winshell"] = "win32", ["windows-curses"] = "win32", ["pyreadline"] = "win32", ["wexpect"] = "win32", ["pywinauto"] = "win32",
        ["pyobjc"] = "darwin", ["pyobjc-core"] = "darwin", ["appscript"] = "darwin", ["py2app"] = "darwin", ["rumps"] = "darwin",
    };

    public override DiagnosticDescriptor Descriptor { get; } = Descriptors.Create(
        "CL3006", "platform-only-requirement",
        "A Windows- or macOS-only package without an environment marker",
        "{0} installs only on {1}; Connect runs Linux, so pip fails there. Add '; sys_platform == \"{2}\"'",
        RuleCategory.Requirements, Severity.Error, FixAvailability.Safe);

    protected override void AnalyzeRequirements(Deployment deployment, DiagnosticSink sink)
    {
        foreach (var requirement in deployment.Requirements.SelectMany(f => f.Requirements))
        {
            var normalized = requirement.NormalizedName;
            if (normalized is null || requirement.Markers is not null)
            {
                continue;
            }

            var platform = Platforms.GetValueOrDefault(normalized) ?? (normalized.StartsWith("pyobjc-framework-", StringComparison.Ordinal) ? "darwin" : null);
            if (platform is null)
            {
                continue;
            }

            Fix? fix = requirement.Hashes.Count > 0
                ? null
                : new Fix($"Install {requirement.Name} only on {platform}", FixAvailability.Safe,
                    [Replace(FileOf(deployment, requirement), requirement.Span, $"{requirement.Text} ; sys_platform == \"{platform}\"")]);
            sink.Report(Create(At(requirement.FilePath, requirement.Span), fix, requirement.Name, platform == "win32" ? "Windows" : "macOS", platform));
        }
    }
}
