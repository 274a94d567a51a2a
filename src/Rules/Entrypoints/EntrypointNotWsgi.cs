using Connect.Lint.Rules.Analysis;
using Connect.Lint.Rules.Model;
using Connect.Lint.Rules.Model.Python;

namespace Connect.Lint.Rules.Entrypoints;

/// <summary>CL2004: the entrypoint names something Connect cannot serve: a factory it will not call, one that needs arguments, or no WSGI app at all.</summary>
public sealed class EntrypointNotWsgi : PythonRule
{
    public override DiagnosticDescriptor Descriptor { get; } = Descriptors.Create(
        "CL2004", "entrypoint-not-wsgi",
        "The entrypoint is not a WSGI application Connect can serve",
        "{0}",
        RuleCategory.Entrypoint, Severity.Error, needs: RuleNeeds.PythonImport);

    protected override void AnalyzeFacts(Deployment deployment, PythonFacts facts, DiagnosticSink sink)
    {
        if (facts.Import is not { Outcome: ImportOutcome.Imported, Resolved: { } resolved } import)
        {
            return;
        }

        var named = $"{import.Module}:{resolved.Name}";
        var where = EntrypointLocation(deployment);
        string? message = resolved switch
        {
            { Shape: ObjectShape.Factory } when import.Object is not null =>
                $"'{named}' is an application factory: Connect serves the named object itself and never calls it. " +
                $"Use the bare module '{import.Module}' (Connect then calls {resolved.Name}() with no arguments) or a module that does app = {resolved.Name}()",
            { Shape: ObjectShape.FactoryNeedsArgs } =>
                $"'{named}' is a factory that needs arguments; Connect calls factories with none",
            { CallError: { } error } =>
                $"calling {resolved.Name}() raised {error.Type}: {error.Message}",
            { Called: true, ResultShape: not ObjectShape.App } =>
                $"{resolved.Name}() returned no WSGI application (Connect needs a Flask app)",
            { Shape: ObjectShape.Other } =>
                $"'{named}' is not a WSGI application (a Flask app, or a callable taking environ and start_response)",
            _ => null,
        };
        if (resolved.CallError?.Where is { } callSite)
        {
            where = At(deployment, callSite, facts);
        }

        if (message is not null)
        {
            sink.Report(Create(where, null, message));
        }
    }
}
