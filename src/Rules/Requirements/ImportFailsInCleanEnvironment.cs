using Connect.Lint.Rules.Analysis;
using Connect.Lint.Rules.Model;
using Connect.Lint.Rules.Model.Python;
using Connect.Lint.Rules.Model.Rehearsal;

namespace Connect.Lint.Rules.Requirements;

/// <summary>
/// CL3013: the entrypoint imports where you test but not in a fresh environment made from the requirements alone: an
/// undeclared dependency, proven. It supersedes CL3003's guess for the module it names.
/// </summary>
public sealed class ImportFailsInCleanEnvironment : RehearsalRule
{
    public override DiagnosticDescriptor Descriptor { get; } = Descriptors.Create(
        "CL3013", "import-fails-in-clean-environment",
        "The app imports where you test it but not in a fresh environment from the requirements",
        "importing '{0}' fails in a fresh environment made from {1} ({2}){3}",
        RuleCategory.Requirements, Severity.Error, needs: RuleNeeds.Rehearsal | RuleNeeds.PythonImport);

    /// <summary>The top-level module the rehearsal proved missing (CL3003 then leaves it to this rule); null otherwise.</summary>
    public static string? ProvenMissingModule(Deployment deployment) =>
        deployment.Rehearsal?.Import?.Import is { Outcome: ImportOutcome.Error, Error.MissingModule: { } missing } ? missing.Split('.')[0] : null;

    protected override void AnalyzeRehearsal(Deployment deployment, RehearsalFacts rehearsal, DiagnosticSink sink)
    {
        if (rehearsal.Import?.Import is not { Outcome: ImportOutcome.Error, Error: { } error } clean)
        {
            return;
        }

        // Failing the same way where you test is CL2002's to report; this rule reports what only the fresh environment shows.
        if (deployment.Python?.Import is { Outcome: ImportOutcome.Error, Error: { } local } && local.Type == error.Type && local.Message == error.Message)
        {
            return;
        }

        var hint = string.Empty;
        if (error.MissingModule is { } missing)
        {
            var top = missing.Split('.')[0];
            var distributions = deployment.Python?.Packages?.TopLevel.GetValueOrDefault(top);
            hint = distributions is { Count: > 0 }
                ? $": {string.Join(" or ", distributions)} is installed where you test but not declared; add it to {rehearsal.PackageFile}"
                : $": nothing in {rehearsal.PackageFile} provides it; declare the distribution that does";
        }

        sink.Report(Create(Place(deployment, clean.Where, error.MissingModule), null, clean.Module, rehearsal.PackageFile, $"{error.Type}: {error.Message}", hint));
    }

    /// <summary>The user frame that raised, with the import statement's columns when the static facts know them.</summary>
    private static Location Place(Deployment deployment, CodeLocation? where, string? missing)
    {
        if (where is null)
        {
            return PythonLocations.Entrypoint(deployment);
        }

        var statement = deployment.Python?.Files
            .Where(f => f.File == where.File)
            .SelectMany(f => f.Imports)
            .FirstOrDefault(i => i.Line == where.Line && (missing is null || i.Module.Split('.')[0] == missing.Split('.')[0]));
        var path = deployment.FullPath(where.File);
        return statement is null
            ? Location.LineOnly(path, where.Line)
            : new Location(path, statement.Line, statement.Column, statement.EndLine, statement.EndColumn);
    }
}
