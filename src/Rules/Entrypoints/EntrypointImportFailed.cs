using Connect.Lint.Rules.Analysis;
using Connect.Lint.Rules.Model;
using Connect.Lint.Rules.Model.Python;
using Connect.Lint.Rules.Model.Requirements;
using Connect.Lint.Rules.Requirements;

namespace Connect.Lint.Rules.Entrypoints;

/// <summary>
/// CL2002: importing the entrypoint raised; reported at the user's own frame. When the error comes from installed
/// packages ("cannot import name X from Y", an error raised inside a package) it is a version mismatch, and the
/// message names the packages, their installed versions and the requirement lines that pin them.
/// </summary>
public sealed class EntrypointImportFailed : PythonRule
{
    public override DiagnosticDescriptor Descriptor { get; } = Descriptors.Create(
        "CL2002", "entrypoint-import-failed",
        "Importing the entrypoint raised an exception",
        "importing '{0}' raised {1}: {2}",
        RuleCategory.Entrypoint, Severity.Error, needs: RuleNeeds.PythonImport | RuleNeeds.InstalledPackages);

    protected override void AnalyzeFacts(Deployment deployment, PythonFacts facts, DiagnosticSink sink)
    {
        if (facts.Import is not { Outcome: ImportOutcome.Error, Error: { } error } import)
        {
            return;
        }

        // A package the environment lacks is CL9002's; the entrypoint module itself missing is CL2001's. A submodule
        // missing from a package that is installed (flask._compat under Flask 2) is a version mismatch: reported here.
        if (error.MissingModule is { } missing && (!deployment.IsLocalModule(missing) || missing == import.Module) && !IsMissingSubmoduleOfAnInstalledPackage(facts))
        {
            return;
        }

        // An unset environment variable the import reads is a Var to set on Connect: CL2012's.
        if (VarNotSet.UnsetVariable(facts) is not null)
        {
            return;
        }

        var mismatch = VersionMismatch(deployment, facts, error);
        sink.Report(Create(At(deployment, import.Where, facts), null, import.Module, error.Type, error.Message + mismatch));
    }

    /// <summary>The installed packages involved, when the error is theirs; empty when it is the project's own.</summary>
    private static string VersionMismatch(Deployment deployment, PythonFacts facts, ImportFailure error)
    {
        var stdlib = new HashSet<string>(facts.Environment?.Stdlib ?? [], StringComparer.Ordinal);
        var missingFrom = IsMissingSubmoduleOfAnInstalledPackage(facts) ? error.MissingModule!.Split('.')[0] : null;
        var involved = new[] { error.RaisedIn, error.FromModule?.Split('.')[0], missingFrom }
            .OfType<string>()
            .Where(top => !stdlib.Contains(top) && !deployment.IsLocalModule(top))
            .Distinct(StringComparer.Ordinal)
            .ToList();
        if (involved.Count == 0)
        {
            return string.Empty;
        }

        var described = involved.Select(top => Describe(deployment, facts, top));
        return $" — the installed versions do not work together (a version mismatch, not a missing package): {string.Join(", ", described)}; " +
               "pin versions that are released to work together";
    }

    /// <summary>
    /// True when the import failed on a submodule of a package that is installed and was imported (flask._compat, gone
    /// since Flask 2.0, imported by Flask-API 1.1): the package is there at a version the importer was not written for.
    /// </summary>
    public static bool IsMissingSubmoduleOfAnInstalledPackage(PythonFacts facts)
    {
        if (facts.Import?.Error?.MissingModule is not { } missing || !missing.Contains('.', StringComparison.Ordinal))
        {
            return false;
        }

        var top = missing.Split('.')[0];
        return facts.Import.ThirdParty.Contains(top, StringComparer.Ordinal) || facts.Packages?.TopLevel.ContainsKey(top) == true;
    }

    private static string Describe(Deployment deployment, PythonFacts facts, string importName)
    {
        var (distribution, version) = ImportedDistributions.DistributionOf(facts, importName);
        var pin = deployment.DeclaredRequirements.FirstOrDefault(r => r.NormalizedName == PackageNames.Normalize(distribution));
        var where = pin is null
            ? "not in the requirements"
            : $"{Path.GetFileName(pin.FilePath)}:{pin.Span.Line} '{pin.Text}'";
        return $"{distribution} {version ?? "(version unknown)"} ({where})";
    }
}
