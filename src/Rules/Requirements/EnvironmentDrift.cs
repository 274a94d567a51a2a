using Connect.Lint.Rules.Analysis;
using Connect.Lint.Rules.Model;
using Connect.Lint.Rules.Model.Requirements;

namespace Connect.Lint.Rules.Requirements;

/// <summary>CL3008: a pinned version differs from the version installed where you test.</summary>
public sealed class EnvironmentDrift : RequirementsRule
{
    public override DiagnosticDescriptor Descriptor { get; } = Descriptors.Create(
        "CL3008", "environment-drift",
        "A pinned version differs from what is installed where you test",
        "{0} is pinned to {1} but {2} is installed in {3}: Connect will run {1}, which you have not tested",
        RuleCategory.Requirements, Severity.Warning, needs: RuleNeeds.PythonImport | RuleNeeds.InstalledPackages);

    /// <summary>How many further drifted pins the one diagnostic names before it only counts them.</summary>
    private const int NamedAtMost = 5;

    /// <summary>
    /// One diagnostic per deployment, at the first drifted pin, naming the others: an environment that drifted from a
    /// frozen requirements file drifts on dozens of pins at once, and one finding says it.
    /// </summary>
    protected override void AnalyzeRequirements(Deployment deployment, DiagnosticSink sink)
    {
        if (deployment.Python?.Packages is not { } packages)
        {
            return;
        }

        var drifted = new List<(RequirementEntry Requirement, string Pinned, string Installed)>();
        foreach (var requirement in deployment.DeclaredRequirements)
        {
            if (requirement is { NormalizedName: { } name, PinnedVersion: { } pinned, Markers: null } &&
                packages.Versions.TryGetValue(name, out var installed) && !SameVersion(pinned, installed))
            {
                drifted.Add((requirement, pinned, installed));
            }
        }

        if (drifted.Count == 0)
        {
            return;
        }

        var (first, firstPinned, firstInstalled) = drifted[0];
        var diagnostic = Create(At(first.FilePath, first.Span), null, first.Name, firstPinned, firstInstalled, deployment.Python.Interpreter);
        if (drifted.Count > 1)
        {
            var others = drifted.Skip(1).Take(NamedAtMost).Select(d => $"{d.Requirement.Name}=={d.Pinned} ({d.Installed} installed)");
            var more = drifted.Count - 1 > NamedAtMost ? $" and {drifted.Count - 1 - NamedAtMost} more" : string.Empty;
            diagnostic = diagnostic with
            {
                Message = $"{first.Name} is pinned to {firstPinned} but {firstInstalled} is installed in {deployment.Python.Interpreter}, " +
                          $"and {drifted.Count - 1} more pins differ: {string.Join(", ", others)}{more}: Connect will run the pinned versions, which you have not tested",
            };
        }

        sink.Report(diagnostic);
    }

    /// <summary>Equal as PEP 440 releases written differently (1.0 and 1.0.0).</summary>
    private static bool SameVersion(string a, string b)
    {
        static string Trim(string v) => string.Join('.', v.Trim().ToLowerInvariant().Split('.').Reverse().SkipWhile(p => p == "0").Reverse());
        return Trim(a) == Trim(b);
    }
}
