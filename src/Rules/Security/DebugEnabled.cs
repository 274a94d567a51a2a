using System.Text.RegularExpressions;
using Connect.Lint.Rules.Analysis;
using Connect.Lint.Rules.Model;
using Connect.Lint.Rules.Model.Text;

namespace Connect.Lint.Rules.Security;

/// <summary>CL5001: Flask debug mode switched on in code (app.run(debug=True), app.debug = True, DEBUG = True).</summary>
public sealed partial class DebugEnabled : SourceRule
{
    public override DiagnosticDescriptor Descriptor { get; } = Descriptors.Create(
        "CL5001", "debug-enabled",
        "Flask debug mode is switched on in code",
        "debug mode is switched on ('{0}'): the Werkzeug debugger lets anyone who reaches it run code on the server; read it from the environment instead",
        RuleCategory.Security, Severity.Error, securitySeverity: 9.0, precision: "high");

    protected override void AnalyzeSources(Deployment deployment, DiagnosticSink sink)
    {
        foreach (var file in deployment.TextFiles.Where(f => f.Kind == TextFileKind.Python))
        {
            // Code under the main guard runs only on a developer's machine: Connect imports the module.
            foreach (var line in PythonCodeLines.Of(file.Text).Where(l => !l.UnderMainGuard))
            {
                if (!DebugOn().IsMatch(line.SpanIn(file.Text)))
                {
                    continue;
                }

                foreach (Match match in DebugOn().Matches(line.CodeIn(file.Text)))
                {
                    var what = match.Groups["what"];
                    sink.Report(Create(At(file, line, what), null, what.Value));
                }
            }
        }
    }

    [GeneratedRegex(@"(?<what>\.debug\s*=\s*True\b|\[\s*['""]DEBUG['""]\s*\]\s*=\s*True\b|\bDEBUG\s*=\s*True\b|\bdebug\s*=\s*True\b)")]
    private static partial Regex DebugOn();
}
