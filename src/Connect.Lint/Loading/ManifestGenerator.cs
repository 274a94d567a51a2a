using Connect.Lint.Python;
using Connect.Lint.Rules.Model;
using Connect.Lint.Rules.Model.Manifest;

namespace Connect.Lint.Loading;

/// <summary><c>write-manifest</c>'s manifest: the one manifest-missing's fix writes (<see cref="ManifestProposals"/>), with problems as usage errors.</summary>
public static class ManifestGenerator
{
    /// <summary>Throws <see cref="UsageException"/> with a one-line reason when no manifest can be made.</summary>
    public static ManifestProposal Generate(Deployment deployment, PythonEnvironment python, string? entrypointOverride, Func<string?> askBridge, ManifestChoices? choices = null)
    {
        var withRequires = deployment with { Facts = deployment.Facts with { DeclaredPythonRequires = PythonRequiresSource.Find(deployment.Directory) } };
        var policy = new FileAccessPolicy(deployment.Directory);
        return ManifestProposals.Compose(withRequires, python.Facts, entrypointOverride, askBridge, Display, policy.SourceOf, out var problem, choices)
               ?? throw new UsageException(problem!);

        string Display(string relative) => Reporting.DisplayPath.Of(Path.Combine(deployment.Directory, relative));
    }
}
