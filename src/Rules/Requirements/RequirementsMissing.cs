using Connect.Lint.Rules.Analysis;
using Connect.Lint.Rules.Model;

namespace Connect.Lint.Rules.Requirements;

/// <summary>CL3001: the deployment has no requirements.txt.</summary>
public sealed class RequirementsMissing : RequirementsRule
{
    public override DiagnosticDescriptor Descriptor { get; } = Descriptors.Create(
        "CL3001", "requirements-missing",
        "The deployment has no requirements.txt",
        "no requirements.txt: Connect installs the app's packages from it, so even Flask would be missing",
        RuleCategory.Requirements, Severity.Error, FixAvailability.Unsafe, needs: RuleNeeds.InstalledPackages, uses: RuleNeeds.PythonImport);

    protected override void AnalyzeRequirements(Deployment deployment, DiagnosticSink sink)
    {
        if (deployment.PackageFile != "requirements.txt" || deployment.StateOf("requirements.txt").Exists || deployment.WasRefused("requirements.txt"))
        {
            return;
        }

        var path = deployment.FullPath("requirements.txt");
        var imported = ImportedDistributions.For(deployment)
            .Where(i => i.Version is not null)
            .Select(i => $"{i.Distribution}=={i.Version}")
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .Order(StringComparer.OrdinalIgnoreCase)
            .ToList();
        Fix? fix = imported.Count == 0
            ? null
            : new Fix("Write requirements.txt with the distributions the code imports, pinned to the installed versions", FixAvailability.Unsafe,
                [TextEdit.CreateFile(path, string.Concat(imported.Select(line => line + "\n")))]);
        var location = deployment.Manifest?.PackageFileNode is { } node
            ? deployment.Manifest.Source.LocationOf(node.Start, node.End)
            : Location.WholeFile(path);
        sink.Report(Create(location, fix));
    }
}
