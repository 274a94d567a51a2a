using Connect.Lint.Rules.Analysis;
using Connect.Lint.Rules.Model;

namespace Connect.Lint.Rules.Git;

/// <summary>
/// CL4005: the work tree and the commit differ in files Connect would deploy, so the check's answer is about one of
/// them only — a plain check about the work tree (not what Connect clones), check --rev about the commit (not the
/// edits made since). Once per deployment, at the first file that differs.
/// </summary>
public sealed class WorkTreeDiffers : Rule
{
    /// <summary>How many changed files a message names before it counts the rest.</summary>
    private const int Named = 5;

    public override DiagnosticDescriptor Descriptor { get; } = Descriptors.Create(
        "CL4005", "work-tree-differs",
        "The work tree differs from the commit Connect deploys",
        "{0}",
        RuleCategory.Git, Severity.Note, needs: RuleNeeds.Git);

    public override void Analyze(Deployment deployment, DiagnosticSink sink)
    {
        if (deployment.Git?.Changes is not { Files.Count: > 0 } changes || deployment.Manifest?.IsConnectManifest == false)
        {
            return;
        }

        var files = changes.Files;
        var listed = string.Join(", ", files.Take(Named).Select(c => $"{c.Path} ({Describe(c.Kind)})")) +
                     (files.Count > Named ? $" and {files.Count - Named} more" : string.Empty);
        var count = files.Count == 1 ? "1 file Connect would deploy differs" : $"{files.Count} files Connect would deploy differ";
        var message = changes.CommitChecked
            ? $"{count} in the work tree from {changes.Commit}: {listed}; this check describes the commit, " +
              "so the changes are not in it (commit them for Connect to deploy them)"
            : $"{count} from {changes.Commit}: {listed}; this check describes the work tree, " +
              $"while Connect deploys the commit ('connect-lint check --rev {changes.Commit}' checks it)";
        // At the first file the checked tree has; a change that only deletes is placed at the manifest.
        var present = files.FirstOrDefault(c => changes.CommitChecked ? c.Kind is WorkTreeChangeKind.Modified or WorkTreeChangeKind.Deleted : c.Kind != WorkTreeChangeKind.Deleted);
        var location = present is not null ? deployment.FullPath(present.Path) : deployment.ManifestPath;
        sink.Report(Create(Location.WholeFile(location), null, message));
    }

    private static string Describe(WorkTreeChangeKind kind) => kind switch
    {
        WorkTreeChangeKind.Modified => "modified",
        WorkTreeChangeKind.Added => "added",
        WorkTreeChangeKind.Deleted => "deleted",
        _ => "untracked",
    };
}
