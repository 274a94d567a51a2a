using System.Text.RegularExpressions;
using Connect.Lint.Rules.Analysis;
using Connect.Lint.Rules.Model;
using Connect.Lint.Rules.Model.Text;

namespace Connect.Lint.Rules.Security;

/// <summary>CL5004: credentials in source and configuration: URIs with passwords and well-known cloud key formats.</summary>
public sealed class CredentialInSource : SourceRule
{
    public override DiagnosticDescriptor Descriptor { get; } = Descriptors.Create(
        "CL5004", "credential-in-source",
        "A credential is written in the source",
        "{0} in the source: it is published with the app and stays in the history; move it to a Connect Var and rotate it",
        RuleCategory.Security, Severity.Error, securitySeverity: 9.0, precision: "high");

    protected override void AnalyzeSources(Deployment deployment, DiagnosticSink sink)
    {
        foreach (var file in deployment.TextFiles.Where(IsScanned))
        {
            // The patterns are the ones every report is redacted with (SecretPatterns): what is found here is never printed.
            foreach (Match match in SecretPatterns.CredentialUri().Matches(file.Text))
            {
                if (!IsPlaceholder(match.Groups["password"].Value))
                {
                    sink.Report(Create(At(file, match.Groups["what"]), null, $"a {match.Groups["label"].Value}:// URI with a password"));
                }
            }

            foreach (Match match in SecretPatterns.CloudKey().Matches(file.Text))
            {
                sink.Report(Create(At(file, match.Groups["what"]), null, $"a key starting '{match.Groups["label"].Value}'"));
            }
        }
    }

    /// <summary>Python and configuration; the manifest and requirements files have rules of their own (CL3009 for index credentials).</summary>
    private static bool IsScanned(TextFile file) =>
        file.Kind == TextFileKind.Python ||
        (file.Kind == TextFileKind.Config && file.RelativePath != "manifest.json" && !file.Name.StartsWith("requirements", StringComparison.Ordinal));

    private static bool IsPlaceholder(string password) =>
        password.Length == 0 || password.StartsWith('$') || password.StartsWith('{') || password.StartsWith('<') || password.StartsWith('%') ||
        password.Equals("password", StringComparison.OrdinalIgnoreCase) || password.Equals("pass", StringComparison.OrdinalIgnoreCase) ||
        password.All(c => c is '*' or 'x' or 'X');
}
