using Connect.Lint.Rules.Analysis;
using Connect.Lint.Rules.Model;

namespace Connect.Lint.Rules.Requirements;

/// <summary>CL3008: a pinned version differs from the version installed where you test.</summary>
public sealed class EnvironmentDrift : RequirementsRule
{
    public override DiagnosticDescriptor Descriptor { get; } = Descriptors.Create(
        "CL3008", "environment-drift",
        "A pinned version differs from what is installed where you test",
        "{0} is pinned to {1} but {2} is installed in {3}: Connect will run {1}, which you have not tested",
        RuleCategory.Requirements, Severity.Warning, needs: RuleNeeds.PythonImport | RuleNeeds.InstalledPackages);

    protected override void AnalyzeRequirements(Deployment deployment, DiagnosticSink sink)
    {
        if (deployment.Python?.Packages is not { } packages)
        {
            return;
        }

        foreach (var requirement in deployment.DeclaredRequirements)
        {
            if (requirement is { NormalizedName: { } name, PinnedVersion: { } pinned, Markers: null } &&
                packages.Versions.TryGetValue(name, out var installed) && !SameVersion(pinned, installed))
            {
                sink.Report(Create(At(requirement.FilePath, requirement.Span), null, requirement.Name, pinned, installed, deployment.Python.Interpreter));
            }
        }
    }

    /// <summary>Equal as PEP 440 releases written differently (1.0 and 1.0.0).</summary>
    private static bool SameVersion(string a, string b)
    {
        static string Trim(string v) => string.Join('.', v.Trim().ToLowerInvariant().Split('.').Reverse().SkipWhile(p => p == "0").Reverse());
        return Trim(a) == Trim(b);
    }
}
