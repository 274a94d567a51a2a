using Connect.Lint.Rules.Analysis;
using Connect.Lint.Rules.Model;

namespace Connect.Lint.Rules.Tool;

/// <summary>CL9005: a limit of the tool was reached (a file too large to scan, an include chain cut short, a name it cannot open).</summary>
public sealed class AnalysisLimit : Rule
{
    public override DiagnosticDescriptor Descriptor { get; } = Descriptors.Create(
        "CL9005", "analysis-limit",
        "Part of the project was not analysed because a limit was reached",
        "{0}: {1}; {2}",
        RuleCategory.Tool, Severity.Note);

    public override void Analyze(Deployment deployment, DiagnosticSink sink)
    {
        foreach (var unread in deployment.UnreadFiles.Where(u => u.Kind == UnreadKind.Limit))
        {
            sink.Report(Create(Location.WholeFile(deployment.FullPath(unread.RelativePath)), null, unread.RelativePath, unread.Reason, unread.Consequence));
        }
    }
}
