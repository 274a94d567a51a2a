using Connect.Lint.Rules.Analysis;
using Connect.Lint.Rules.Model;

namespace Connect.Lint.Rules.Git;

/// <summary>
/// CL4003: a file stored with Git LFS; Connect's checkout has the pointer, not the content. Known from Git's
/// attributes (filter=lfs) and from the content itself (a pointer file, whatever .gitattributes says).
/// </summary>
public sealed class GitLfsPointer : Rule
{
    public override DiagnosticDescriptor Descriptor { get; } = Descriptors.Create(
        "CL4003", "git-lfs-pointer",
        "A file stored with Git LFS is deployed as its pointer",
        "{0} is stored with Git LFS: Connect does not fetch LFS objects, so the app gets a 130-byte pointer instead of the file",
        RuleCategory.Git, Severity.Error, needs: RuleNeeds.Git);

    public override void Analyze(Deployment deployment, DiagnosticSink sink)
    {
        var byContent = deployment.Inventory.Where(path => deployment.StateOf(path).IsLfsPointer);
        foreach (var path in (deployment.Git?.LfsFiles ?? new HashSet<string>()).Union(byContent).Order(StringComparer.Ordinal))
        {
            sink.Report(Create(Location.WholeFile(deployment.FullPath(path)), null, path));
        }
    }
}
