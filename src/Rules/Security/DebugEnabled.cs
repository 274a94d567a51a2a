using System.Text.RegularExpressions;
using Connect.Lint.Rules.Analysis;
using Connect.Lint.Rules.Model;
using Connect.Lint.Rules.Model.Python;
using Connect.Lint.Rules.Model.Text;

namespace Connect.Lint.Rules.Security;

/// <summary>
/// CL5001: Flask debug mode switched on (app.run(debug=True) at import, app.debug = True, DEBUG = True). Decided from
/// the imported app (app.debug, and the run() calls the import made); the text scan is the fallback.
/// </summary>
public sealed partial class DebugEnabled : SourceRule
{
    public override DiagnosticDescriptor Descriptor { get; } = Descriptors.Create(
        "CL5001", "debug-enabled",
        "Flask debug mode is switched on in code",
        "debug mode is switched on ('{0}'): the Werkzeug debugger lets anyone who reaches it run code on the server; read it from the environment instead",
        RuleCategory.Security, Severity.Error, securitySeverity: 9.0, precision: "high", uses: RuleNeeds.PythonImport);

    protected override void AnalyzeSources(Deployment deployment, DiagnosticSink sink)
    {
        if (deployment.Python is not { ImportedApp: { } app } facts)
        {
            foreach (var (location, text) in TextFindings(deployment))
            {
                sink.Report(Guess(Create(location, null, text)));
            }

            return;
        }

        // The import ran: app.run(debug=True) calls it made, and app.debug as the app ended up with it.
        var reported = new HashSet<(string, int)>();
        foreach (var run in facts.Import!.Runs.Where(r => r.Debug == true && r.Where is not null))
        {
            var location = PythonLocations.At(deployment, run.Where, facts, f => f.ModuleLevelRuns);
            if (reported.Add((location.FilePath, location.Line)))
            {
                sink.Report(Create(location, null, run.Call == "run" ? "app.run(debug=True)" : "run_simple(use_debugger=True)"));
            }
        }

        if (!app.Debug)
        {
            return; // DEBUG = True in a config the app does not load, or under a condition that did not hold
        }

        var assignments = TextFindings(deployment).Where(f => !reported.Contains((f.Location.FilePath, f.Location.Line))).ToList();
        foreach (var (location, text) in assignments)
        {
            sink.Report(Create(location, null, text));
        }

        if (assignments.Count == 0 && reported.Count == 0)
        {
            sink.Report(Create(PythonLocations.Entrypoint(deployment), null, "app.debug is True after the import"));
        }
    }

    /// <summary>Where the code reads as switching debug on; code under the main guard never runs on Connect (it imports the module).</summary>
    private static IEnumerable<(Location Location, string Text)> TextFindings(Deployment deployment)
    {
        foreach (var file in deployment.TextFiles.Where(f => f.Kind == TextFileKind.Python))
        {
            foreach (var line in PythonCodeLines.Of(file.Text).Where(l => !l.UnderMainGuard))
            {
                if (!DebugOn().IsMatch(line.SpanIn(file.Text)))
                {
                    continue;
                }

                foreach (Match match in DebugOn().Matches(line.CodeIn(file.Text)))
                {
                    var what = match.Groups["what"];
                    yield return (At(file, line, what), what.Value);
                }
            }
        }
    }

    [GeneratedRegex(@"(?<what>\.debug\s*=\s*True\b|\[\s*['""]DEBUG['""]\s*\]\s*=\s*True\b|\bDEBUG\s*=\s*True\b|\bdebug\s*=\s*True\b)")]
    private static partial Regex DebugOn();
}
