using Connect.Lint.Rules.Model.Python;
using Connect.Lint.Rules.Model.Rehearsal;

namespace Connect.Lint.Tests.RuleTests;

/// <summary>Bridge answers as data, for rule-level tests: what the interpreter would have said.</summary>
public static class TestFacts
{
    public static EnvironmentFacts Environment(string python = "3.11.2") =>
        new(python, python, "/usr/bin/python3", "/usr", "23.0.1", "en_US.UTF-8", ["os", "sys", "json", "sqlite3"]);

    public static AppFacts FlaskApp(params UrlRule[] rules) =>
        new("app", "app", TestDeployment.Root, "static", "/static", "templates", false, rules, []);

    /// <summary>An import that worked and found a Flask app (or the given outcome).</summary>
    public static PythonFacts Imported(ImportFacts? import = null, string python = "3.11.2", InstalledPackages? packages = null, IReadOnlyList<StaticFileFacts>? files = null) => new()
    {
        Interpreter = "/usr/bin/python3",
        Entrypoint = import?.Object is { } name ? $"{import.Module}:{name}" : import?.Module ?? "app:app",
        Environment = Environment(python),
        Import = import ?? new ImportFacts
        {
            Module = "app",
            Object = "app",
            Outcome = ImportOutcome.Imported,
            Resolved = new ResolvedObject("app", ObjectShape.App, false, null, null),
            App = FlaskApp(),
        },
        Packages = packages,
        Files = files ?? [],
    };

    public static InstalledPackages Packages(params (string Import, string Distribution, string Version)[] installed) => new(
        installed.GroupBy(i => i.Import).ToDictionary(g => g.Key, g => (IReadOnlyList<string>)g.Select(i => i.Distribution).ToList()),
        installed.ToDictionary(i => i.Distribution.ToLowerInvariant().Replace('_', '-'), i => i.Version));

    /// <summary>A rehearsal that installed requirements.txt and imported the app in a fresh environment (or as adjusted).</summary>
    public static RehearsalFacts Rehearsed(PythonFacts? import = null, ServeFacts? served = null, string python = "3.11.2") => new()
    {
        BaseInterpreter = "/usr/bin/python3",
        PythonVersion = python,
        PackageFile = "requirements.txt",
        Import = import ?? Imported(python: python),
        Served = served,
    };

    /// <summary>The rehearsal's requests: these routes answered under the usual prefix.</summary>
    public static ServeFacts Served(params ServedRoute[] routes) => new("/content/00000000-c0de-4000-8000-000000000000", routes, 0, null);

    public static ServedRoute Route(string rule, string viewFile, int viewLine, int status = 200, string? location = null, ServeError? error = null, params EscapingLink[] links) =>
        new(rule, rule.Trim('/'), new CodeLocation(viewFile, viewLine), status, error, false, location, links);
}
