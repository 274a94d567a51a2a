using System.Text;
using Connect.Lint.Loading;
using Connect.Lint.Reporting;
using Connect.Lint.Rules.Analysis;
using Connect.Lint.Rules.Model;

namespace Connect.Lint.Fixing;

/// <summary>One file a fix rewrites: where (symlinks inside the deployment resolved), its old and new text, and what it must still be.</summary>
public sealed record FileChange(string Path, string? Before, string After, Expectation Expected);

/// <summary>
/// Fixes as transactions. <see cref="Plan"/> computes every file's new text from the bytes the rules saw —
/// re-reading each file and comparing it with the fingerprint taken when it was read, refusing outside paths,
/// special files and files that changed — before anything is written. <see cref="Commit"/> then writes them
/// each atomically, each only if it is still unchanged right before its rename.
/// </summary>
public static class FixTransaction
{
    public static IReadOnlyList<FileChange> Plan(Deployment deployment, IReadOnlyList<TextEdit> edits)
    {
        var policy = new FileAccessPolicy(deployment.Directory);
        var changes = new List<FileChange>();
        foreach (var group in edits.GroupBy(e => e.FilePath))
        {
            var path = StartDirectory.FullPathOf(group.Key);
            var display = DisplayPath.ForLine(path);
            if (!FileAccessPolicy.IsInside(path, policy.Root))
            {
                throw new FixRefusedException($"{display}: not writing a fix outside the deployment");
            }

            if (group.Any(e => e.CreatesFile))
            {
                var parent = SafePaths.RealPath(Path.GetDirectoryName(path)!);
                if (parent is null || !FileAccessPolicy.IsInside(parent, policy.RealRoot) || FileKinds.Of(path) != FileKind.Missing || new FileInfo(path).LinkTarget is not null)
                {
                    throw new FixRefusedException($"{display}: not creating it (it exists now, or its directory leads out of the deployment)");
                }

                changes.Add(new FileChange(path, null, group.Last(e => e.CreatesFile).NewText, Expectation.NotThere));
                continue;
            }

            var seen = deployment.ReadLedger.FingerprintOf(path)
                       ?? throw new FixRefusedException($"{display} was not read by this check; not fixed");
            if (policy.Refusal(path) is { } refusal)
            {
                throw new FixRefusedException($"{display}: not writing a fix: {refusal.Reason}");
            }

            var current = policy.Read(path, long.MaxValue);
            if (current.Bytes is not { } bytes || ReadLedger.Fingerprint(bytes) != seen)
            {
                throw new FixRefusedException(Expectation.Changed(display));
            }

            // A symlink inside the deployment is followed: the file it names is rewritten, the link stays a link.
            var target = SafePaths.RealPath(path) ?? path;
            var before = Encoding.UTF8.GetString(bytes);
            changes.Add(new FileChange(target, before, Apply(before, group), Expectation.Of(seen)));
        }

        return changes;
    }

    /// <summary>Plans and writes the edits under the deployment's lock, so two runs never interleave their writes.</summary>
    public static void Apply(Deployment deployment, IReadOnlyList<TextEdit> edits)
    {
        if (edits.Count == 0)
        {
            return;
        }

        using var held = DeploymentLock.Acquire(deployment.Directory);
        Commit(Plan(deployment, edits));
    }

    /// <summary>Writes planned changes, each atomically; stops at the first file that changed since it was planned.</summary>
    private static void Commit(IReadOnlyList<FileChange> changes)
    {
        foreach (var change in changes)
        {
            AtomicFile.WriteText(change.Path, change.After, change.Expected);
        }
    }

    /// <summary>Edits applied from the end so earlier offsets stay valid.</summary>
    private static string Apply(string text, IEnumerable<TextEdit> edits)
    {
        foreach (var edit in edits.OrderByDescending(e => e.Start))
        {
            var start = Math.Min(edit.Start, text.Length);
            var end = Math.Min(edit.End, text.Length);
            text = string.Concat(text.AsSpan(0, start), edit.NewText, text.AsSpan(end));
        }

        return text;
    }
}
