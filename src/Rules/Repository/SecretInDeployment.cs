using Connect.Lint.Rules.Analysis;
using Connect.Lint.Rules.Model;

namespace Connect.Lint.Rules.Repository;

/// <summary>CL4002: a secret file is committed in, or listed by, the deployment directory.</summary>
public sealed class SecretInDeployment : Rule
{
    public override DiagnosticDescriptor Descriptor { get; } = Descriptors.Create(
        "CL4002", "secret-in-deployment",
        "A secret file is committed or listed in the deployment",
        "{0} is {1} and is {2}: it is published with the app (and stays in the repository's history). Use Connect's Vars instead",
        RuleCategory.Git, Severity.Error, securitySeverity: 9.0);

    public override void Analyze(Deployment deployment, DiagnosticSink sink)
    {
        if (deployment.Manifest?.IsConnectManifest == false)
        {
            return;
        }

        var listed = deployment.Manifest?.FileEntries.Select(e => e.Path).ToHashSet(StringComparer.Ordinal) ?? [];
        foreach (var secret in deployment.Secrets)
        {
            var committed = deployment.Git?.Tracked.Contains(secret.RelativePath) == true;
            var inManifest = listed.Contains(secret.RelativePath);
            if (!committed && !inManifest)
            {
                continue;
            }

            var how = committed && inManifest ? "committed and listed in manifest.json" : committed ? "committed" : "listed in manifest.json";
            var path = deployment.FullPath(secret.RelativePath);
            var location = secret.Line > 0 ? Location.LineOnly(path, secret.Line) : Location.WholeFile(path);
            sink.Report(Create(location, null, secret.RelativePath, secret.Reason, how));
        }
    }
}
