using Connect.Lint.Rules.Analysis;
using Connect.Lint.Rules.Model;

namespace Connect.Lint.Rules.Tool;

/// <summary>CL9001: the Python-aware checks were skipped (no interpreter, or it could not run the bridge).</summary>
public sealed class PythonUnavailable : Rule
{
    public override DiagnosticDescriptor Descriptor { get; } = Descriptors.Create(
        "CL9001", "python-unavailable",
        "No usable Python interpreter: the Python-aware checks were skipped",
        "Python-aware checks skipped: {0}",
        RuleCategory.Tool, Severity.Warning, options: ["--python", "--python-host", "--no-python"]);

    public override void Analyze(Deployment deployment, DiagnosticSink sink)
    {
        if (deployment.Facts.Python.Reason is { } reason)
        {
            sink.Report(Create(Location.WholeFile(deployment.ManifestPath), null, reason));
        }
        else if (deployment.Python?.HostFallbackReason is { } fallback)
        {
            sink.Report(new Diagnostic(Descriptor, Location.WholeFile(deployment.ManifestPath),
                $"embedded Python host unavailable, the process host ran instead: {fallback}"));
        }
    }
}
