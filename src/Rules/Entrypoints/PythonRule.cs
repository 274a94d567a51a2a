using Connect.Lint.Rules.Analysis;
using Connect.Lint.Rules.Model;
using Connect.Lint.Rules.Model.Python;

namespace Connect.Lint.Rules.Entrypoints;

/// <summary>A rule over the Python bridge's facts: it runs only when the interpreter answered.</summary>
public abstract class PythonRule : Rule
{
    public sealed override void Analyze(Deployment deployment, DiagnosticSink sink)
    {
        if (deployment.Python is { } facts && deployment.Manifest?.IsConnectManifest != false)
        {
            AnalyzeFacts(deployment, facts, sink);
        }
    }

    protected abstract void AnalyzeFacts(Deployment deployment, PythonFacts facts, DiagnosticSink sink);

    /// <summary>The entrypoint in the manifest when there is one; else the manifest's place.</summary>
    protected static Location EntrypointLocation(Deployment deployment) => PythonLocations.Entrypoint(deployment);

    /// <summary>A place in user code, with columns when the static facts know the call at that line.</summary>
    protected static Location At(Deployment deployment, CodeLocation? where, PythonFacts facts, Func<StaticFileFacts, IEnumerable<StaticCall>>? calls = null) =>
        PythonLocations.At(deployment, where, facts, calls);
}
