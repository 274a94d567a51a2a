using System.Text.RegularExpressions;
using Connect.Lint.Rules.Analysis;
using Connect.Lint.Rules.Model;
using Connect.Lint.Rules.Model.Python;
using Connect.Lint.Rules.Model.Text;

namespace Connect.Lint.Rules.Security;

/// <summary>
/// CL5002: the secret key the app uses is a string literal. Decided from the imported app (where its SECRET_KEY
/// came from: a literal in the code, the environment, something computed); the text scan is the fallback.
/// </summary>
public sealed partial class HardcodedSecretKey : SourceRule
{
    public override DiagnosticDescriptor Descriptor { get; } = Descriptors.Create(
        "CL5002", "hardcoded-secret-key",
        "Flask's secret key is a literal in the source",
        "the secret key is a string literal: anyone with the code can forge session cookies. Set it from an environment variable (a Connect Var), e.g. os.environ[\"SECRET_KEY\"]",
        RuleCategory.Security, Severity.Error, securitySeverity: 7.5, precision: "high", uses: RuleNeeds.PythonImport);

    protected override void AnalyzeSources(Deployment deployment, DiagnosticSink sink)
    {
        if (deployment.Python?.ImportedApp is { } app)
        {
            // A literal the app does not end up with (a DevelopmentConfig it does not load) is no problem.
            if (app.SecretKey is { Source: SecretKeySource.Literal, Where: { } where })
            {
                sink.Report(Create(PythonLocations.Of(deployment, where), null));
            }

            return;
        }

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
                    sink.Report(Guess(Create(At(file, line, match.Groups["what"]), null)));
                }
            }
        }
    }

    [GeneratedRegex(@"(?:\.secret_key|\[\s*['""]SECRET_KEY['""]\s*\]|\bSECRET_KEY)\s*=\s*(?<what>[rbuRBU]?['""][^'""]+['""])")]
    private static partial Regex LiteralSecretKey();
}
