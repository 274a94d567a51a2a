using System.Text.RegularExpressions;
using Connect.Lint.Rules.Analysis;
using Connect.Lint.Rules.Model;
using Connect.Lint.Rules.Model.Text;

namespace Connect.Lint.Rules.Security;

/// <summary>A rule that reads the deployment's text files; a directory whose manifest.json is not Connect's is not looked at.</summary>
public abstract class SourceRule : Rule
{
    public sealed override void Analyze(Deployment deployment, DiagnosticSink sink)
    {
        if (deployment.Manifest?.IsConnectManifest == false)
        {
            return;
        }

        AnalyzeSources(deployment, sink);
    }

    protected abstract void AnalyzeSources(Deployment deployment, DiagnosticSink sink);

    /// <summary>
    /// A finding of the text scan where the import could have decided but did not run or found no app: it may be
    /// code the app never runs (a config class it does not load), so it is a warning and says it is a guess.
    /// </summary>
    protected static Diagnostic Guess(Diagnostic diagnostic) => diagnostic with
    {
        Message = diagnostic.Message + " (found in the text; the app was not imported, so whether it runs was not confirmed)",
        Severity = Severity.Warning,
    };

    /// <summary>The place of a regex group found in one line of code.</summary>
    protected static Location At(TextFile file, PythonCodeLine line, Group group) =>
        new(file.FilePath, line.Number, group.Index + 1, line.Number, group.Index + group.Length + 1);

    /// <summary>The place of a regex group found in a whole file's text (a group does not span lines).</summary>
    protected static Location At(TextFile file, Group group)
    {
        var (line, column) = file.Source.PositionOf(group.Index);
        return new Location(file.FilePath, line, column, line, column + group.Length);
    }
}
