using Connect.Lint.Rules.Analysis;
using Connect.Lint.Rules.Model;
using Connect.Lint.Rules.Model.Requirements;

namespace Connect.Lint.Rules.Requirements;

/// <summary>
/// CL3011: the package file was generated from pyproject.toml (rsconnect's or write-manifest's header line says so),
/// and [project].dependencies has changed since: Connect installs the old list. The fix regenerates it as rsconnect
/// does. (An export of uv.lock is not compared: that needs uv, which the check does not run.)
/// </summary>
public sealed class StaleRequirementsExport : RequirementsRule
{
    public override DiagnosticDescriptor Descriptor { get; } = Descriptors.Create(
        "CL3011", "stale-requirements-export",
        "The requirements file generated from pyproject.toml is out of date",
        "{0} was generated from pyproject.toml, whose [project].dependencies changed since ({1}): Connect installs the old list",
        RuleCategory.Requirements, Severity.Warning, FixAvailability.Safe);

    protected override void AnalyzeRequirements(Deployment deployment, DiagnosticSink sink)
    {
        if (deployment.Pyproject?.Dependencies is not { } dependencies
            || deployment.Requirements.FirstOrDefault(f => f.FilePath == deployment.FullPath(deployment.PackageFile)) is not { } file
            || RequirementsExport.SourceOf(file.Source.Text) != RequirementsExport.FromPyproject)
        {
            return;
        }

        var exported = RequirementsExport.Body(file.Source.Text);
        var declared = RequirementsExport.Body(RequirementsExport.OfPyproject(dependencies, DateTime.UnixEpoch));
        if (exported.SequenceEqual(declared))
        {
            return;
        }

        var added = declared.Except(exported).Select(d => "+" + d);
        var removed = exported.Except(declared).Select(d => "-" + d);
        var change = string.Join(", ", added.Concat(removed).DefaultIfEmpty("reordered").Take(5));
        var fix = new Fix($"Regenerate {deployment.PackageFile} from pyproject.toml", FixAvailability.Safe,
            [TextEdit.Replace(file.Source, 0, file.Source.Text.Length, RequirementsExport.OfPyproject(dependencies, deployment.LoadedAtUtc))]);
        sink.Report(Create(new Location(file.FilePath, 1, 1, 1, Math.Max(file.Source.Text.IndexOf('\n'), 1) + 1), fix, deployment.PackageFile, change));
    }
}
