using Connect.Lint.Rules.Analysis;
using Connect.Lint.Rules.Model;
using Connect.Lint.Rules.Model.Rehearsal;

namespace Connect.Lint.Rules.Analysis;

/// <summary>A rule over the deploy rehearsal's facts: it runs only with check --rehearse, when the rehearsal ran.</summary>
public abstract class RehearsalRule : Rule
{
    public sealed override void Analyze(Deployment deployment, DiagnosticSink sink)
    {
        if (deployment.Rehearsal is { } rehearsal && deployment.Manifest?.IsConnectManifest != false)
        {
            AnalyzeRehearsal(deployment, rehearsal, sink);
        }
    }

    protected abstract void AnalyzeRehearsal(Deployment deployment, RehearsalFacts rehearsal, DiagnosticSink sink);
}
