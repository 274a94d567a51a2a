using Connect.Lint.Rules.Analysis;
using Connect.Lint.Rules.Model;
using Connect.Lint.Rules.Model.Text;

namespace Connect.Lint.Rules.Git;

/// <summary>CL4002: a secret file (by its name, or by a private key in it) is committed in, or listed by, the deployment directory.</summary>
public sealed class SecretInDeployment : Rule
{
    public override DiagnosticDescriptor Descriptor { get; } = Descriptors.Create(
        "CL4002", "secret-in-deployment",
        "A secret file is committed or listed in the deployment",
        "{0} is {1} and is {2}: it is published with the app (and stays in the repository's history). Use Connect's Vars instead",
        RuleCategory.Git, Severity.Error, needs: RuleNeeds.Git, securitySeverity: 9.0);

    public override void Analyze(Deployment deployment, DiagnosticSink sink)
    {
        if (deployment.Manifest?.IsConnectManifest == false)
        {
            return;
        }

        var listed = deployment.Manifest?.FileEntries.Select(e => e.Path).ToHashSet(StringComparer.Ordinal) ?? [];
        var tracked = deployment.Git?.Tracked ?? new HashSet<string>();
        void Report(string relative, string what, int line)
        {
            var committed = tracked.Contains(relative);
            var inManifest = listed.Contains(relative);
            if (!committed && !inManifest)
            {
                return;
            }

            var how = committed && inManifest ? "committed and listed in manifest.json" : committed ? "committed" : "listed in manifest.json";
            var path = deployment.FullPath(relative);
            var location = line > 0 ? Location.LineOnly(path, line) : Location.WholeFile(path);
            sink.Report(Create(location, null, relative, what, how));
        }

        foreach (var relative in tracked.Concat(listed).Distinct(StringComparer.Ordinal))
        {
            if (SecretByName(relative) is { } what)
            {
                Report(relative, what, 0);
            }
        }

        foreach (var file in deployment.TextFiles)
        {
            if (SecretPatterns.PrivateKeyBlock().Match(file.Text) is { Success: true } key)
            {
                Report(file.RelativePath, "a file holding a private key", file.Source.PositionOf(key.Index).Line);
            }
            else if (file.RelativePath.EndsWith(".json", StringComparison.Ordinal) && file.Text.Contains("\"service_account\"", StringComparison.Ordinal) &&
                     file.Text.Contains("\"private_key\"", StringComparison.Ordinal))
            {
                Report(file.RelativePath, "a service-account key", 1);
            }
        }
    }

    /// <summary>Why a file is a secret by its name, or null.</summary>
    public static string? SecretByName(string relative)
    {
        var name = Path.GetFileName(relative);
        var lower = name.ToLowerInvariant();
        if (PathExclusions.IsEnvFile(name))
        {
            return "an environment file with secrets";
        }

        if (lower.EndsWith(".pem") || lower.EndsWith(".key") || lower.EndsWith(".p12") || lower.EndsWith(".pfx") || lower.EndsWith(".keystore") || lower.EndsWith(".jks"))
        {
            return "a key or certificate store";
        }

        if ((lower.StartsWith("id_rsa") || lower.StartsWith("id_dsa") || lower.StartsWith("id_ecdsa") || lower.StartsWith("id_ed25519")) && !lower.EndsWith(".pub"))
        {
            return "an SSH private key";
        }

        return lower switch
        {
            ".netrc" or "_netrc" => "a .netrc with login credentials",
            ".pypirc" => "a .pypirc with package index credentials",
            "credentials.json" => "a credentials file",
            ".htpasswd" => "a password file",
            _ when lower.StartsWith("client_secret") && lower.EndsWith(".json") => "an OAuth client secret",
            _ => null,
        };
    }
}
