using Connect.Lint.Rules.Analysis;
using Connect.Lint.Rules.Model;
using Connect.Lint.Rules.Model.Manifest;

namespace Connect.Lint.Rules.Manifest;

/// <summary>CL1001: the deployment directory has no manifest.json. The fix writes the manifest rsconnect would.</summary>
public sealed class ManifestMissing : Rule
{
    public override DiagnosticDescriptor Descriptor { get; } = Descriptors.Create(
        "CL1001", "manifest-missing",
        "The deployment directory has no manifest.json",
        "no manifest.json: Git-backed deployment needs one committed beside the app{0}",
        RuleCategory.Manifest, Severity.Error, FixAvailability.Safe, needs: RuleNeeds.InterpreterVersions, uses: RuleNeeds.PythonImport);

    /// <summary>The interpreter's versions are asked for only where a manifest is missing (they go into the new one).</summary>
    public override RuleNeeds NeedsFor(Deployment deployment) =>
        deployment.ManifestLoad.Exists ? RuleNeeds.None : Descriptor.Needs;

    public override void Analyze(Deployment deployment, DiagnosticSink sink)
    {
        if (deployment.ManifestLoad.Exists)
        {
            return;
        }

        string? problem;
        ManifestProposal? proposal = null;
        var python = deployment.Python?.Environment ?? deployment.InterpreterEnvironment;
        if (python is not null)
        {
            proposal = ManifestProposals.Compose(deployment, python, entrypointOverride: null,
                () => ManifestProposals.EntrypointFromStaticFacts(deployment.Python), Display, SourceOf(deployment), out problem);
        }
        else
        {
            problem = deployment.Facts.InterpreterVersions.Reason;
        }

        Fix? fix = proposal is not null
            ? new Fix("Write manifest.json for a python-api deployment", FixAvailability.Safe,
                [TextEdit.CreateFile(deployment.ManifestPath, proposal.Text)])
            : null;
        var hint = fix is null && problem is not null ? $" (no fix: {problem})" : string.Empty;
        sink.Report(Create(Location.WholeFile(deployment.ManifestPath), fix, hint));
    }

    private static string Display(string relative) => relative == "." ? "the deployment directory" : relative;

    private static Func<string, string?> SourceOf(Deployment deployment) =>
        relative => deployment.TextFiles.FirstOrDefault(f => f.RelativePath == relative)?.Text;
}
