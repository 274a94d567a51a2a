using Connect.Lint.Rules.Analysis;
using Connect.Lint.Rules.Model;
using Connect.Lint.Rules.Model.Python;

namespace Connect.Lint.Rules.Entrypoints;

/// <summary>CL2008: two URL rules for the same path and method; the later one can never be reached.</summary>
public sealed class UrlRuleConflict : PythonRule
{
    public override DiagnosticDescriptor Descriptor { get; } = Descriptors.Create(
        "CL2008", "url-rule-conflict",
        "Two URL rules serve the same path and method",
        "{0} {1} is already served by endpoint '{2}': endpoint '{3}' is unreachable",
        RuleCategory.Entrypoint, Severity.Warning, needs: RuleNeeds.PythonImport, precision: "high");

    protected override void AnalyzeFacts(Deployment deployment, PythonFacts facts, DiagnosticSink sink)
    {
        var rules = facts.Import?.App?.Rules ?? [];
        for (var later = 1; later < rules.Count; later++)
        {
            for (var earlier = 0; earlier < later; earlier++)
            {
                var shared = rules[later].Methods.Intersect(rules[earlier].Methods).ToList();
                if (rules[later].HasView && rules[later].Rule == rules[earlier].Rule && rules[later].Endpoint != rules[earlier].Endpoint && shared.Count > 0)
                {
                    sink.Report(Create(At(deployment, rules[later].Where, facts), null,
                        string.Join("/", shared), rules[later].Rule, rules[earlier].Endpoint, rules[later].Endpoint));
                    break;
                }
            }
        }
    }
}
