using Connect.Lint.Rules.Analysis;
using Connect.Lint.Rules.Model;
using Connect.Lint.Rules.Model.Requirements;

namespace Connect.Lint.Rules.Requirements;

/// <summary>A rule about the requirements files: helpers to point at entries and to edit them.</summary>
public abstract class RequirementsRule : Rule
{
    public sealed override void Analyze(Deployment deployment, DiagnosticSink sink)
    {
        if (deployment.Manifest?.IsConnectManifest != false)
        {
            AnalyzeRequirements(deployment, sink);
        }
    }

    protected abstract void AnalyzeRequirements(Deployment deployment, DiagnosticSink sink);

    protected static Location At(string filePath, LineSpan span) => new(filePath, span.Line, span.Column, span.Line, span.EndColumn);

    protected static RequirementsFile FileOf(Deployment deployment, RequirementsEntry entry) =>
        deployment.Requirements.First(f => f.FilePath == entry.FilePath);

    /// <summary>Replaces the span of an entry's line with new text.</summary>
    protected static TextEdit Replace(RequirementsFile file, LineSpan span, string text) =>
        TextEdit.Replace(file.Source, file.Source.OffsetOf(span.Line, span.Column), file.Source.OffsetOf(span.Line, span.EndColumn), text);
}
