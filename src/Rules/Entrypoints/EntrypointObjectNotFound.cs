using Connect.Lint.Rules.Analysis;
using Connect.Lint.Rules.Manifest;
using Connect.Lint.Rules.Model;
using Connect.Lint.Rules.Model.Python;

namespace Connect.Lint.Rules.Entrypoints;

/// <summary>CL2003: the module imports but has no such object (or none of the names Connect tries).</summary>
public sealed class EntrypointObjectNotFound : PythonRule
{
    public override DiagnosticDescriptor Descriptor { get; } = Descriptors.Create(
        "CL2003", "entrypoint-object-not-found",
        "The entrypoint's module has no such object",
        "{0}",
        RuleCategory.Entrypoint, Severity.Error, FixAvailability.Safe, needs: RuleNeeds.PythonImport);

    protected override void AnalyzeFacts(Deployment deployment, PythonFacts facts, DiagnosticSink sink)
    {
        if (facts.Import is not { Outcome: ImportOutcome.Imported, Resolved: null } import)
        {
            return;
        }

        var looked = import.Object is { } name
            ? $"module '{import.Module}' has no object '{name}'"
            : $"module '{import.Module}' has none of app, application, create_app() or make_app(), which Connect looks for";
        var found = import.Candidates.Count == 0
            ? "; it defines no Flask app"
            : "; it has " + string.Join(", ", import.Candidates.Select(c => $"'{c.Name}' ({(c.Kind == CandidateKind.App ? "a Flask app" : "a factory")})"));

        Fix? fix = null;
        var apps = import.Candidates.Where(c => c.Kind == CandidateKind.App).ToList();
        if (apps.Count == 1 && deployment.Manifest?.Entrypoint is { } node)
        {
            fix = ManifestFixes.ReplaceString(deployment.Manifest, node, $"{import.Module}:{apps[0].Name}", $"Use entrypoint '{import.Module}:{apps[0].Name}'");
        }

        sink.Report(Create(EntrypointLocation(deployment), fix, looked + found));
    }
}
