using Connect.Lint.Fixing;
using Connect.Lint.Loading;
using Connect.Lint.Rules.Analysis;
using Connect.Lint.Settings;

namespace Connect.Lint.Pipeline;

/// <summary>A deployment after the fix stage: what it is now, what the analysis finds now, and what was fixed.</summary>
/// <param name="Fixed">The diagnostics found before the fixes that are gone after them.</param>
public sealed record FixOutcome(LoadedDeployment Loaded, IReadOnlyList<Diagnostic> Diagnostics, IReadOnlyList<Diagnostic> Fixed, string? Refusal);

/// <summary>
/// The fix stage: rounds of non-overlapping fixes, each applied as one transaction, then the deployment is loaded
/// and analysed again. The app is imported again only when a fix changed what the import depends on (a Python
/// source, or the manifest's entrypoint); otherwise the earlier answer is reused.
/// </summary>
public static class FixStage
{
    private const int MaxRounds = 10;

    public static FixOutcome Apply(DeploymentTarget target, DeploymentSettings settings, LoadedDeployment loaded, IReadOnlyList<Diagnostic> found, bool unsafeFixes)
    {
        var initial = found;
        string? refusal = null;
        try
        {
            for (var round = 0; round < MaxRounds; round++)
            {
                var (_, edits) = FixPlanner.Plan(found, unsafeFixes);
                if (edits.Count == 0)
                {
                    break;
                }

                FixTransaction.Apply(loaded.Deployment, edits);
                loaded = Reload(target, settings, loaded, edits);
                found = AnalysisPipeline.Analyse(loaded.Deployment, settings);
            }
        }
        catch (FixRefusedException refused)
        {
            refusal = refused.Message;
        }

        // A fix may settle more than its own diagnostic (regenerating files also updates checksums).
        var remaining = found.Select(Key).ToHashSet();
        var settled = initial.Where(d => d.Fix is not null && !remaining.Contains(Key(d))).ToList();
        return new FixOutcome(loaded, found, settled, refusal);
    }

    /// <summary>--diff: each file the safe (and, if asked, unsafe) fixes would change, before and after.</summary>
    public static IReadOnlyList<FileChange> Preview(LoadedDeployment loaded, IReadOnlyList<Diagnostic> found, bool unsafeFixes)
    {
        var (_, edits) = FixPlanner.Plan(found, unsafeFixes);
        return FixTransaction.Plan(loaded.Deployment, edits);
    }

    private static LoadedDeployment Reload(DeploymentTarget target, DeploymentSettings settings, LoadedDeployment before, IReadOnlyList<TextEdit> edits)
    {
        var python = before.Deployment.Python;
        if (python is null || edits.Any(e => e.FilePath.EndsWith(".py", StringComparison.Ordinal)))
        {
            return AnalysisPipeline.Load(target, settings);
        }

        var reloaded = AnalysisPipeline.Load(target, settings, reusePython: python);
        return EntrypointOf(reloaded) == EntrypointOf(before)
            ? reloaded
            : AnalysisPipeline.Load(target, settings);
    }

    private static string? EntrypointOf(LoadedDeployment loaded) => loaded.Deployment.Manifest?.Entrypoint?.Value;

    private static (string, string, int, int, string) Key(Diagnostic d) =>
        (d.Id, d.Location.FilePath, d.Location.Line, d.Location.Column, d.Message);
}
