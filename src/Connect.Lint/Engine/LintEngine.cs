using Connect.Lint.Rules;
using Connect.Lint.Rules.Analysis;
using Connect.Lint.Rules.Model;

namespace Connect.Lint.Engine;

/// <summary>Runs the selected rules over a deployment and returns their diagnostics in a stable order.</summary>
public static class LintEngine
{
    public static IReadOnlyList<Diagnostic> Analyze(Deployment deployment, RuleSelection selection)
    {
        var sink = new DiagnosticSink();
        foreach (var rule in RuleCatalog.All)
        {
            if (selection.IsEnabled(rule.Descriptor))
            {
                rule.Analyze(deployment, sink);
            }
        }

        return Order(sink.Diagnostics);
    }

    public static IReadOnlyList<Diagnostic> Order(IEnumerable<Diagnostic> diagnostics) =>
        diagnostics
            .OrderBy(d => d.Location.FilePath, StringComparer.Ordinal)
            .ThenBy(d => d.Location.Line)
            .ThenBy(d => d.Location.Column)
            .ThenBy(d => d.Id, StringComparer.Ordinal)
            .ThenBy(d => d.Message, StringComparer.Ordinal)
            .ToList();
}
