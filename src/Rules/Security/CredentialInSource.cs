using Connect.Lint.Rules.Analysis;
using Connect.Lint.Rules.Model;

namespace Connect.Lint.Rules.Security;

/// <summary>CL5004: credentials in source: URIs with passwords and well-known cloud key formats.</summary>
public sealed class CredentialInSource : SourceFindingRule
{
    public override DiagnosticDescriptor Descriptor { get; } = Descriptors.Create(
        "CL5004", "credential-in-source",
        "A credential is written in the source",
        "{0} in the source: it is published with the app and stays in the history; move it to a Connect Var and rotate it",
        RuleCategory.Security, Severity.Error, securitySeverity: 9.0, precision: "high");

    protected override IReadOnlySet<string> Kinds { get; } = new HashSet<string> { "credential-uri", "cloud-key" };

    protected override object?[] MessageArguments(SourceFinding finding) =>
        [finding.Kind == "credential-uri" ? $"a {finding.Text}:// URI with a password" : $"a key starting '{finding.Text}'"];
}
