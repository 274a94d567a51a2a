using Connect.Lint.Rules.Analysis;
using Connect.Lint.Rules.Model;
using Connect.Lint.Rules.Model.Rehearsal;
using Connect.Lint.Rules.Model.Requirements;

namespace Connect.Lint.Rules.Requirements;

/// <summary>CL3012: pip could not install the requirements into a fresh environment, as Connect's deploy would try.</summary>
public sealed class RequirementsDoNotInstall : RehearsalRule
{
    public override DiagnosticDescriptor Descriptor { get; } = Descriptors.Create(
        "CL3012", "requirements-do-not-install",
        "The requirements do not install into a fresh environment",
        "{0} does not install into a fresh environment: {1}; Connect's deploy stops at the same pip install",
        RuleCategory.Requirements, Severity.Error, needs: RuleNeeds.Rehearsal);

    protected override void AnalyzeRehearsal(Deployment deployment, RehearsalFacts rehearsal, DiagnosticSink sink)
    {
        // What only this machine's index decided (unreachable, a local wheelhouse) is the rehearsal stopping short: CL9006.
        foreach (var problem in rehearsal.InstallProblems.Where(p => p.IsConnects))
        {
            var (location, subject) = Place(deployment, rehearsal, problem);
            sink.Report(Create(location, null, subject, problem.Reason));
        }
    }

    /// <summary>The requirement's line: the one pip named, else the declared requirement of that distribution, else the file.</summary>
    internal static (Location Location, string Subject) Place(Deployment deployment, RehearsalFacts rehearsal, InstallProblem problem)
    {
        var entries = deployment.Requirements.SelectMany(f => f.Entries).ToList();
        RequirementsEntry? entry = null;
        if (problem.File is { } file && problem.Line is { } line)
        {
            var full = Path.GetFullPath(file, deployment.Directory);
            entry = entries.FirstOrDefault(e => e.FilePath == full && e.Span.Line == line);
        }

        entry ??= problem.Distribution is { } name
            ? deployment.DeclaredRequirements.FirstOrDefault(r => r.NormalizedName == PackageNames.Normalize(name))
            : null;
        if (entry is not null)
        {
            return (new Location(entry.FilePath, entry.Span.Line, entry.Span.Column, entry.Span.Line, entry.Span.EndColumn), $"'{entry.Text.Trim()}'");
        }

        var packageFile = deployment.FullPath(rehearsal.PackageFile);
        return problem.Distribution is { } distribution
            ? (Location.WholeFile(packageFile), $"{distribution} (required through {rehearsal.PackageFile})")
            : (Location.WholeFile(packageFile), rehearsal.PackageFile);
    }
}
