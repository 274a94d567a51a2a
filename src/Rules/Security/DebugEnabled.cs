using Connect.Lint.Rules.Analysis;
using Connect.Lint.Rules.Model;

namespace Connect.Lint.Rules.Security;

/// <summary>CL5001: Flask debug mode switched on in code (app.run(debug=True), app.debug = True, DEBUG = True).</summary>
public sealed class DebugEnabled : SourceFindingRule
{
    public override DiagnosticDescriptor Descriptor { get; } = Descriptors.Create(
        "CL5001", "debug-enabled",
        "Flask debug mode is switched on in code",
        "debug mode is switched on ('{0}'): the Werkzeug debugger lets anyone who reaches it run code on the server; read it from the environment instead",
        RuleCategory.Security, Severity.Error, securitySeverity: 9.0, precision: "high");

    protected override IReadOnlySet<string> Kinds { get; } = new HashSet<string> { "debug" };

    protected override object?[] MessageArguments(SourceFinding finding) => [finding.Text];
}
