using Connect.Lint.Rules.Analysis;
using Connect.Lint.Rules.Model;
using Connect.Lint.Rules.Model.Python;

namespace Connect.Lint.Rules.Entrypoints;

/// <summary>CL2009: a Blueprint is constructed in the deployment's code but never registered.</summary>
public sealed class BlueprintNotRegistered : PythonRule
{
    public override DiagnosticDescriptor Descriptor { get; } = Descriptors.Create(
        "CL2009", "blueprint-not-registered",
        "A Blueprint is created but never registered",
        "Blueprint '{0}' is created but never registered with the app: none of its routes exist",
        RuleCategory.Entrypoint, Severity.Warning, needs: RuleNeeds.PythonImport, precision: "high");

    protected override void AnalyzeFacts(Deployment deployment, PythonFacts facts, DiagnosticSink sink)
    {
        if (facts.Import is not { App: not null } import)
        {
            return;
        }

        foreach (var blueprint in import.UnregisteredBlueprints)
        {
            if (blueprint.Where is { } where)
            {
                var location = At(deployment, where, facts,
                    file => file.Blueprints.Select(b => new StaticCall("Blueprint", b.Line, b.Column, b.EndLine, b.EndColumn)));
                sink.Report(Create(location, null, blueprint.Name));
            }
        }
    }
}
