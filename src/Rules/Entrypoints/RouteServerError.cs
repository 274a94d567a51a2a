using Connect.Lint.Rules.Analysis;
using Connect.Lint.Rules.Model;
using Connect.Lint.Rules.Model.Python;
using Connect.Lint.Rules.Model.Rehearsal;

namespace Connect.Lint.Rules.Entrypoints;

/// <summary>CL2011: a parameterless GET route answered with a server error (or not at all) when the rehearsal requested it under Connect's prefix.</summary>
public sealed class RouteServerError : RehearsalRule
{
    public override DiagnosticDescriptor Descriptor { get; } = Descriptors.Create(
        "CL2011", "route-server-error",
        "A route fails when requested in the rehearsal",
        "GET {0} {1} when the rehearsal requested it under Connect's path prefix in a fresh environment",
        RuleCategory.Entrypoint, Severity.Warning, needs: RuleNeeds.Rehearsal);

    protected override void AnalyzeRehearsal(Deployment deployment, RehearsalFacts rehearsal, DiagnosticSink sink)
    {
        foreach (var route in rehearsal.Served?.Routes ?? [])
        {
            var what = route switch
            {
                { TimedOut: true } => $"gave {route.Error?.Message ?? "no answer in time"}",
                { Error: { } error } => $"raised {error.Type}: {error.Message}",
                { Status: >= 500 and var status } => $"answered {status}",
                _ => null,
            };
            if (what is not null)
            {
                var where = route.Error?.Where ?? route.Where;
                var location = where is null ? PythonLocations.Entrypoint(deployment) : Location.LineOnly(deployment.FullPath(where.File), where.Line);
                sink.Report(Create(location, null, route.Rule, what));
            }
        }
    }
}
