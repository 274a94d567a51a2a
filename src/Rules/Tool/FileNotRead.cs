using Connect.Lint.Rules.Analysis;
using Connect.Lint.Rules.Model;

namespace Connect.Lint.Rules.Tool;

/// <summary>CL9004: the file-access policy refused a file (a symlink leading out, a special file, unreadable): it was never read.</summary>
public sealed class FileNotRead : Rule
{
    public override DiagnosticDescriptor Descriptor { get; } = Descriptors.Create(
        "CL9004", "file-not-read",
        "A file was refused by the file-access policy and not read",
        "{0} was not read: {1}; {2}",
        RuleCategory.Tool, Severity.Warning);

    public override void Analyze(Deployment deployment, DiagnosticSink sink)
    {
        var listed = deployment.Manifest?.FileEntries.Select(e => e.Path).ToHashSet(StringComparer.Ordinal) ?? [];
        foreach (var unread in deployment.UnreadFiles.Where(u => u.Kind == UnreadKind.Refused))
        {
            if (listed.Contains(unread.RelativePath) && deployment.StateOf(unread.RelativePath).EscapesDeployment)
            {
                continue; // CL1010 reports a listed path that leads out of the deployment, at its manifest key
            }

            sink.Report(Create(Location.WholeFile(deployment.FullPath(unread.RelativePath)), null, unread.RelativePath, unread.Reason, unread.Consequence));
        }
    }
}
