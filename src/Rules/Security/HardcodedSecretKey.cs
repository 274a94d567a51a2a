using Connect.Lint.Rules.Analysis;
using Connect.Lint.Rules.Model;

namespace Connect.Lint.Rules.Security;

/// <summary>CL5002: SECRET_KEY / secret_key set to a string literal.</summary>
public sealed class HardcodedSecretKey : SourceFindingRule
{
    public override DiagnosticDescriptor Descriptor { get; } = Descriptors.Create(
        "CL5002", "hardcoded-secret-key",
        "Flask's secret key is a literal in the source",
        "the secret key is a string literal: anyone with the code can forge session cookies. Set it from an environment variable (a Connect Var), e.g. os.environ[\"SECRET_KEY\"]",
        RuleCategory.Security, Severity.Error, securitySeverity: 7.5, precision: "high");

    protected override IReadOnlySet<string> Kinds { get; } = new HashSet<string> { "secret-key" };

    protected override object?[] MessageArguments(SourceFinding finding) => [];
}
