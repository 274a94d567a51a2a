using Connect.Lint.Rules.Analysis;
using Connect.Lint.Rules.Model;
using Connect.Lint.Rules.Model.Python;

namespace Connect.Lint.Rules.Entrypoints;

/// <summary>CL2006: app.run()/run_simple is called while the module is imported.</summary>
public sealed class AppRunAtImport : PythonRule
{
    public override DiagnosticDescriptor Descriptor { get; } = Descriptors.Create(
        "CL2006", "app-run-at-import",
        "app.run() or run_simple() runs when the module is imported",
        "{0}() runs when the module is imported: under Connect it blocks or fails; put it under 'if __name__ == \"__main__\":'",
        RuleCategory.Entrypoint, Severity.Error, needs: RuleNeeds.PythonImport);

    protected override void AnalyzeFacts(Deployment deployment, PythonFacts facts, DiagnosticSink sink)
    {
        var seen = new HashSet<(string, int)>();
        foreach (var run in facts.Import?.Runs ?? [])
        {
            if (run.Where is { } where && seen.Add((where.File, where.Line)))
            {
                sink.Report(Create(At(deployment, where, facts, f => f.ModuleLevelRuns), null, Shown(run.Call)));
            }
        }

        // When the import did not get that far, the static look still finds unguarded module-level calls.
        if (facts.Import is { Outcome: ImportOutcome.Imported })
        {
            return;
        }

        // Only in the files the app reaches: a CLI script that runs something of its own is never imported on Connect.
        var reached = StaticLocalModules.ReachedByApp(deployment, facts);
        foreach (var file in facts.Files.Where(f => reached.Contains(f.File)))
        {
            foreach (var call in file.ModuleLevelRuns)
            {
                if (seen.Add((file.File, call.Line)))
                {
                    var path = deployment.FullPath(file.File);
                    sink.Report(Create(new Location(path, call.Line, call.Column, call.EndLine, call.EndColumn), null, Shown(call.Call ?? "run")));
                }
            }
        }
    }

    private static string Shown(string call) => call == "run" ? "app.run" : call;
}
