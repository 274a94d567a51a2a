using System.Text.RegularExpressions;
using Connect.Lint.Rules.Analysis;
using Connect.Lint.Rules.Model;
using Connect.Lint.Rules.Model.Text;

namespace Connect.Lint.Rules.Security;

/// <summary>CL5002: SECRET_KEY / secret_key set to a string literal.</summary>
public sealed partial class HardcodedSecretKey : SourceRule
{
    public override DiagnosticDescriptor Descriptor { get; } = Descriptors.Create(
        "CL5002", "hardcoded-secret-key",
        "Flask's secret key is a literal in the source",
        "the secret key is a string literal: anyone with the code can forge session cookies. Set it from an environment variable (a Connect Var), e.g. os.environ[\"SECRET_KEY\"]",
        RuleCategory.Security, Severity.Error, securitySeverity: 7.5, precision: "high");

    protected override void AnalyzeSources(Deployment deployment, DiagnosticSink sink)
    {
        foreach (var file in deployment.TextFiles.Where(f => f.Kind == TextFileKind.Python))
        {
            foreach (var line in PythonCodeLines.Of(file.Text))
            {
                if (!LiteralSecretKey().IsMatch(line.SpanIn(file.Text)))
                {
                    continue;
                }

                foreach (Match match in LiteralSecretKey().Matches(line.CodeIn(file.Text)))
                {
                    sink.Report(Create(At(file, line, match.Groups["what"]), null));
                }
            }
        }
    }

    [GeneratedRegex(@"(?:\.secret_key|\[\s*['""]SECRET_KEY['""]\s*\]|\bSECRET_KEY)\s*=\s*(?<what>[rbuRBU]?['""][^'""]+['""])")]
    private static partial Regex LiteralSecretKey();
}
