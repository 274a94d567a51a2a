using System.Text;
using System.Text.Json;
using Connect.Lint.Loading;
using Connect.Lint.Output;
using Connect.Lint.Pipeline;
using Connect.Lint.Python;
using Connect.Lint.Reporting;
using Connect.Lint.Rules.Analysis;
using Connect.Lint.Rules.Model.Python;
using Connect.Lint.Settings;

namespace Connect.Lint.Commands;

/// <summary><c>connect-lint inspect</c>: the app as Connect would load it — interpreter, entrypoint, blueprints, routes.</summary>
public static class InspectCommand
{
    public static int Run(string directory, CommandLineSettings commandLine, string format, TextWriter stdout, TextWriter stderr)
    {
        var full = StartDirectory.FullPathOf(directory);
        if (!Directory.Exists(full))
        {
            throw new UsageException($"{directory}: no such directory");
        }

        // The same settings and stages as check: --python first, then [tool.connect-lint] python.
        var target = new DeploymentTarget(full, true);
        var settings = AnalysisPipeline.ResolveSettings(target, commandLine);
        if (EmbeddedCompanion.NeededFor(() => [settings.PythonHost.Value]) is { } companion)
        {
            return EmbeddedCompanion.Run(companion);
        }

        var deployment = AnalysisPipeline.Load(target, settings, also: RuleNeeds.PythonImport, without: RuleNeeds.InstalledPackages).Deployment;
        if (deployment.Python is not { } facts)
        {
            throw new UsageException($"cannot inspect {DisplayPath.ForLine(full)}: {Shown(deployment.Facts.Python.Reason ?? string.Empty)}");
        }

        // The problems of the app as imported: the entrypoint rules and every rule that reads the import.
        var problems = AnalysisPipeline.Analyse(deployment, settings)
            .Where(d => d.Descriptor.Category == RuleCategory.Entrypoint || d.Descriptor.NeedsPython)
            .Select(ReportSanitizer.ForReport)
            .ToList();
        stdout.Write(format == "json" ? RenderJson(facts) : RenderText(full, settings.Interpreter!, facts, problems, settings.Vars.Value));
        return facts.Import?.App is not null ? 0 : 1;
    }

    /// <summary>
    /// The environment variables the project's code read at import (what Connect must set as Vars), each marked: a declared Var
    /// (a placeholder when this environment lacks it), or unset here. Names only; values are never shown.
    /// </summary>
    private static string Variables(PythonFacts facts, IReadOnlyList<string> vars)
    {
        var unset = facts.Import?.EnvironUnset ?? [];
        var read = (facts.Import?.EnvironProjectReads ?? []).Concat(vars).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal);
        return string.Join(", ", read.Select(name =>
            vars.Contains(name) ? name + (Environment.GetEnvironmentVariable(name) is null ? " (declared Var, placeholder here)" : " (declared Var)")
            : unset.Contains(name) ? name + " (unset)"
            : name));
    }

    private static string RenderJson(PythonFacts facts) =>
        JsonSerializer.Serialize(facts, new BridgeJsonContext(new JsonSerializerOptions(BridgeJsonContext.Default.Options)
        {
            Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        }).PythonFacts) + "\n";

    private static string RenderText(string directory, Python.InterpreterChoice interpreter, PythonFacts facts, IReadOnlyList<Diagnostic> problems, IReadOnlyList<string> vars)
    {
        var builder = new StringBuilder();
        builder.Append($"Deployment   {DisplayPath.Of(directory)}\n");
        builder.Append($"Interpreter  {Python.InterpreterChoice.Describe(interpreter.Path, interpreter.Reason, facts.Environment?.Python, facts.Environment?.Executable)}, {facts.Host} host\n");
        builder.Append($"Entrypoint   {Shown(facts.Entrypoint)}{Shown(Resolution(facts))}\n");
        if (Variables(facts, vars) is { Length: > 0 } variables)
        {
            builder.Append($"Variables    {Shown(variables)}\n");
        }
        if (facts.Import?.App is { } app)
        {
            builder.Append($"Flask app    '{Shown(app.Name)}' (import name {Shown(app.ImportName)}), static {Shown(app.StaticUrlPath ?? "-")}, templates {Shown(app.TemplateFolder ?? "-")}\n");
            builder.Append('\n').Append("Blueprints\n");
            if (app.Blueprints.Count == 0)
            {
                builder.Append("  (none)\n");
            }

            foreach (var blueprint in app.Blueprints)
            {
                var where = blueprint.Where is { } w ? $"  registered at {w.File}:{w.Line}" : string.Empty;
                builder.Append($"  {Shown(blueprint.Name),-20} {Shown(blueprint.UrlPrefix ?? "/"),-16}{Shown(where)}\n");
            }

            builder.Append('\n');
            var rows = app.Rules.Select(r => (Endpoint: Shown(r.Endpoint), Methods: Shown(string.Join(", ", r.Methods)), Rule: Shown(r.Rule))).ToList();
            var endpointWidth = rows.Select(r => r.Endpoint.Length).Append("Endpoint".Length).Max();
            var methodsWidth = rows.Select(r => r.Item2.Length).Append("Methods".Length).Max();
            builder.Append($"{"Endpoint".PadRight(endpointWidth)}  {"Methods".PadRight(methodsWidth)}  Rule\n");
            builder.Append($"{new string('-', endpointWidth)}  {new string('-', methodsWidth)}  {new string('-', Math.Max(4, rows.Select(r => r.Rule.Length).DefaultIfEmpty(4).Max()))}\n");
            foreach (var (endpoint, methods, rule) in rows)
            {
                builder.Append($"{endpoint.PadRight(endpointWidth)}  {methods.PadRight(methodsWidth)}  {rule}\n");
            }
        }

        if (problems.Count > 0)
        {
            builder.Append('\n');
            foreach (var problem in problems)
            {
                builder.Append(TextReporter.FormatLine(problem)).Append('\n');
            }
        }

        return builder.ToString();
    }

    /// <summary>A value from the user's app (names, rules, messages) as one safe line.</summary>
    private static string Shown(string value) => ReportSanitizer.OneLine(value);

    private static string ShapeName(ObjectShape shape) => shape switch
    {
        ObjectShape.App => "app",
        ObjectShape.Factory => "factory",
        ObjectShape.FactoryNeedsArgs => "factory-needs-args",
        _ => "other",
    };

    private static string Resolution(PythonFacts facts) => facts.Import switch
    {
        null when facts.TimedOut => "  (import timed out)",
        null => "  (the interpreter died during the import)",
        { Outcome: ImportOutcome.Error, Error: { } e } => $"  (import failed: {e.Type}: {e.Message})",
        { Outcome: ImportOutcome.Exit } i => $"  (import called sys.exit({i.ExitCode}))",
        { Resolved: null } => "  (no application object found)",
        { Resolved: { } r } when r.Called => $"  → {r.Name}() called with no arguments (application factory) → Flask app",
        { Resolved: { } r, App: not null } => $"  → object '{r.Name}' (Flask app)",
        { Resolved: { } r } => $"  → object '{r.Name}' ({ShapeName(r.Shape)}, not a Flask app)",
    };
}
