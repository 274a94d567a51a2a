using Connect.Lint.Rules.Analysis;
using Connect.Lint.Rules.Model;

namespace Connect.Lint.Rules.Security;

/// <summary>A rule over the text scan's findings of one or more kinds.</summary>
public abstract class SourceFindingRule : Rule
{
    protected abstract IReadOnlySet<string> Kinds { get; }

    public override void Analyze(Deployment deployment, DiagnosticSink sink)
    {
        if (deployment.Manifest?.IsConnectManifest == false)
        {
            return;
        }

        foreach (var finding in deployment.Findings.Where(f => Kinds.Contains(f.Kind)))
        {
            sink.Report(Create(new Location(finding.FilePath, finding.Line, finding.Column, finding.Line, finding.EndColumn), null, MessageArguments(finding)));
        }
    }

    protected abstract object?[] MessageArguments(SourceFinding finding);
}
