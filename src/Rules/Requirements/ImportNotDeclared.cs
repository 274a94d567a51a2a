using Connect.Lint.Rules.Analysis;
using Connect.Lint.Rules.Model;
using Connect.Lint.Rules.Model.Requirements;

namespace Connect.Lint.Rules.Requirements;

/// <summary>CL3003: the code imports a third-party package whose distribution requirements.txt does not declare.</summary>
public sealed class ImportNotDeclared : RequirementsRule
{
    public override DiagnosticDescriptor Descriptor { get; } = Descriptors.Create(
        "CL3003", "import-not-declared",
        "A third-party import whose distribution is not in requirements.txt",
        "'{0}' is imported but {1} is not in {2}: Connect will not install it",
        RuleCategory.Requirements, Severity.Error, FixAvailability.Unsafe, needs: RuleNeeds.PythonImport | RuleNeeds.InstalledPackages, uses: RuleNeeds.ResolvedClosure);

    protected override void AnalyzeRequirements(Deployment deployment, DiagnosticSink sink)
    {
        if (deployment.Requirements.Count == 0 || deployment.Python is null)
        {
            return;
        }

        var declared = deployment.DeclaredRequirements.Select(r => r.NormalizedName).OfType<string>().ToHashSet(StringComparer.Ordinal);
        var target = deployment.Requirements[0];
        var proven = ImportFailsInCleanEnvironment.ProvenMissingModule(deployment);
        foreach (var imported in ImportedDistributions.For(deployment))
        {
            // The rehearsal proved this one missing: CL3013 reports it, from a real fresh environment.
            if (ImportedDistributions.IsDeclared(deployment, imported, declared) || imported.ImportName.Split('.')[0] == proven)
            {
                continue;
            }

            Fix? fix = null;
            if (imported.Version is { } version)
            {
                var text = target.Source.Text;
                var prefix = text.Length > 0 && !text.EndsWith('\n') ? "\n" : string.Empty;
                fix = new Fix($"Add {imported.Distribution}=={version} to {Path.GetFileName(target.FilePath)}", FixAvailability.Unsafe,
                    [TextEdit.Replace(target.Source, text.Length, text.Length, $"{prefix}{imported.Distribution}=={version}\n")]);
            }

            var import = imported.Import;
            var location = new Location(deployment.FullPath(imported.File), import.Line, import.Column, import.EndLine, import.EndColumn);
            var file = Path.GetFileName(target.FilePath);

            // pip's resolution of the requirements (asked when a declared distribution is not installed here) is what
            // Connect installs: brought by a declared requirement is a note; absent from it is proven.
            var closure = deployment.Facts.Closure;
            if (closure.Value is { } resolved)
            {
                if ((resolved.BroughtBy(imported.Distribution) ?? resolved.BroughtBy(imported.ImportName)) is { } root)
                {
                    sink.Report(BroughtThrough(location, imported, root, file, fix, "pip's resolution of the requirements"));
                    continue;
                }
            }
            else if (deployment.Python.Packages?.BroughtBy(PackageNames.Normalize(imported.Distribution), declared) is { } through)
            {
                // Installed as a dependency of a declared requirement (Flask under flask-restx): Connect installs it too,
                // only at a version nobody chose. A note, not an error.
                sink.Report(BroughtThrough(location, imported, through, file, fix, "which requires it"));
                continue;
            }
            else if (closure.Reason is { } unresolved)
            {
                // A declared distribution is not installed here, so what it brings is unseen, and pip could not say either.
                var unseen = declared.Where(d => deployment.Python.Packages?.Versions.ContainsKey(d) == false).Order(StringComparer.Ordinal).ToList();
                sink.Report(new Diagnostic(Descriptor, location,
                    $"'{imported.ImportName}' is imported but {imported.Distribution} is not in {file}; whether Connect installs it is unknown: " +
                    $"{string.Join(", ", unseen)} {(unseen.Count == 1 ? "is" : "are")} not installed here (so what {(unseen.Count == 1 ? "it brings is" : "they bring is")} unseen) and {unresolved}", fix) { Severity = Severity.Warning });
                continue;
            }

            sink.Report(Create(location, fix, imported.ImportName, imported.Distribution, file));
        }
    }

    private Diagnostic BroughtThrough(Location location, ImportedDistribution imported, string through, string file, Fix? fix, string how) =>
        new(Descriptor, location,
            $"'{imported.ImportName}' is imported but {imported.Distribution} is declared only through {through} ({how}): " +
            $"Connect installs whatever version {through} allows; pin it in {file} to get the one you test", fix) { Severity = Severity.Note };
}
