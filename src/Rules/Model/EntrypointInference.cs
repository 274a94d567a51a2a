using System.Text.RegularExpressions;

namespace Connect.Lint.Rules.Model;

/// <summary>A module or package that could be the entrypoint, and why it was not chosen (null when it could be).</summary>
public sealed record EntrypointCandidate(string Module, string? Rejected);

/// <summary>The entrypoint inferred for a deployment without one, with every candidate that was looked at.</summary>
public sealed record EntrypointChoice(string? Module, IReadOnlyList<EntrypointCandidate> Considered)
{
    /// <summary>When nothing qualified: what was looked at, why each was turned down, and what to pass instead.</summary>
    public string WhyNone()
    {
        var rejected = Considered.Where(c => c.Rejected is not null).Select(c => $"{c.Module} ({c.Rejected})").ToList();
        var ambiguous = Considered.Where(c => c.Rejected is null).Select(c => c.Module).ToList();
        var parts = new List<string>();
        if (ambiguous.Count > 1)
        {
            parts.Add($"more than one could be the app: {string.Join(", ", ambiguous)}");
        }

        if (rejected.Count > 0)
        {
            parts.Add($"not apps: {string.Join(", ", rejected)}");
        }

        if (parts.Count == 0)
        {
            parts.Add("no top-level .py file and no package that creates a Flask app");
        }

        return $"cannot tell which module is the app ({string.Join("; ", parts)}); pass --entrypoint module:app";
    }
}

/// <summary>
/// rsconnect's default entrypoint when none is given, from the deployment's top-level .py files (app, application,
/// main, api; else the only module; else the only app-like name), but never a build or tooling script (setup.py,
/// conftest.py, a noxfile, manage.py, tests), which Connect would import and run. When no module qualifies, a
/// top-level package whose __init__.py creates a Flask app or defines create_app()/make_app() is the app.
/// </summary>
public static partial class EntrypointInference
{
    private static readonly string[] Preferred = ["app", "application", "main", "api"];

    /// <summary>The entrypoint (the module, with its app's name when that is not app or application), or null when no rule decides.</summary>
    public static string? Infer(IEnumerable<string> inventory, Func<string, string?>? sourceOf = null) => EntrypointOf(Choose(inventory, sourceOf).Module, sourceOf);

    /// <summary>The chosen module as an entrypoint: with the object named when its source shows another name than Connect's.</summary>
    public static string? EntrypointOf(string? module, Func<string, string?>? sourceOf) =>
        module is null || sourceOf is null ? module : WithObject(module, sourceOf(module + ".py") ?? sourceOf(module + "/__init__.py"));

    /// <param name="sourceOf">The text of a deployment file by relative path (null when not read): packages are judged by their __init__.py.</param>
    public static EntrypointChoice Choose(IEnumerable<string> inventory, Func<string, string?>? sourceOf = null)
    {
        var files = inventory.ToList();
        var considered = files
            .Where(path => !path.Contains('/') && path.EndsWith(".py", StringComparison.Ordinal))
            .Select(path => path[..^3])
            .Select(module => new EntrypointCandidate(module, NotAnApp(module)))
            .ToList();
        var modules = considered.Where(c => c.Rejected is null).Select(c => c.Module).ToList();
        foreach (var name in Preferred)
        {
            if (modules.Contains(name))
            {
                return new EntrypointChoice(name, considered);
            }
        }

        if (modules.Count == 1)
        {
            return new EntrypointChoice(modules[0], considered);
        }

        var appLike = modules.Where(m =>
            m.StartsWith("app-", StringComparison.Ordinal) || m.StartsWith("app_", StringComparison.Ordinal) ||
            m.EndsWith("-app", StringComparison.Ordinal) || m.EndsWith("_app", StringComparison.Ordinal)).ToList();
        if (appLike.Count == 1)
        {
            return new EntrypointChoice(appLike[0], considered);
        }

        if (modules.Count > 0 || sourceOf is null)
        {
            return new EntrypointChoice(null, considered);
        }

        // No module at the top: a package (myapp/__init__.py with create_app) is imported by its name, as Connect does.
        var packages = files
            .Where(path => path.Count(c => c == '/') == 1 && path.EndsWith("/__init__.py", StringComparison.Ordinal))
            .Select(path => path[..path.IndexOf('/')])
            .Select(package => new EntrypointCandidate(package, NotAnApp(package) ?? PackageRejection(sourceOf($"{package}/__init__.py"))))
            .ToList();
        considered.AddRange(packages);
        var apps = packages.Where(p => p.Rejected is null).ToList();
        return new EntrypointChoice(apps.Count == 1 ? apps[0].Module : null, considered);
    }

    /// <summary>
    /// The entrypoint for a module whose app is not called app or application: Connect looks for those two names, so
    /// `myapi = Flask(__name__)` in server.py is "server:myapi". The module alone when it defines app or application,
    /// or when it does not make exactly one app at its top level.
    /// </summary>
    private static string WithObject(string module, string? source)
    {
        if (source is null || ConnectsNames().IsMatch(source))
        {
            return module;
        }

        var made = TopLevelApp().Matches(source).Select(m => m.Groups["name"].Value).Distinct(StringComparer.Ordinal).ToList();
        return made.Count == 1 ? $"{module}:{made[0]}" : module;
    }

    /// <summary>The names Connect tries, in order, in a module named without an object.</summary>
    public static readonly IReadOnlyList<string> ConnectsObjectNames = ["app", "application", "create_app", "make_app"];

    /// <summary>
    /// Whether a module's text binds the name at its top level: an assignment, a def or class, or an import. Text only
    /// (nothing runs), so an app made another way (setattr, a star import) is not seen.
    /// </summary>
    public static bool Defines(string source, string name)
    {
        var n = Regex.Escape(name);
        return Regex.IsMatch(source,
            $@"^(?:{n}\s*(?::[^=\n]+)?=(?!=)|(?:async\s+)?def\s+{n}\b|class\s+{n}\b|from\s+\S+\s+import\s+(?:\([^)]*?\b{n}\b|[^(\n][^\n]*\b{n}\b)|import\s+.*\bas\s+{n}\b)",
            RegexOptions.Multiline, TimeSpan.FromSeconds(1));
    }

    /// <summary>Why a module or package by this name is a build, test or tooling script and never the app; null when it may be the app.</summary>
    public static string? NotAnApp(string module)
    {
        var name = module.ToLowerInvariant();
        return name switch
        {
            "setup" => "setup.py is a packaging script: importing it runs setuptools",
            "conftest" => "pytest's configuration",
            "noxfile" or "fabfile" or "tasks" or "dodo" or "toxfile" => "a task runner's file",
            "manage" => "a command-line script",
            "gunicorn_config" or "gunicorn_conf" or "gunicorn.conf" => "gunicorn's configuration",
            "migrations" or "alembic" => "database migrations",
            "docs" or "doc" => "documentation",
            "test" or "tests" or "testing" => "tests",
            _ when name.StartsWith("test_", StringComparison.Ordinal) || name.EndsWith("_test", StringComparison.Ordinal) => "a test module",
            _ => null,
        };
    }

    private static string? PackageRejection(string? initSource) =>
        initSource is null ? "its __init__.py was not read"
        : FlaskConstruction().IsMatch(initSource) || FactoryDefinition().IsMatch(initSource) ? null
        : "its __init__.py neither creates a Flask app nor defines create_app() or make_app()";

    [GeneratedRegex(@"\bFlask\s*\(")]
    private static partial Regex FlaskConstruction();

    /// <summary>A top-level binding (or import) of the names Connect looks for.</summary>
    [GeneratedRegex(@"^(?:(?:app|application)\s*(?::[^=\n]+)?=|from\s+\S+\s+import\s+.*\b(?:app|application)\b|def\s+(?:app|application)\b)", RegexOptions.Multiline)]
    private static partial Regex ConnectsNames();

    /// <summary>A top-level `name = Flask(...)` (APIFlask, FlaskAPI, flask.Flask too).</summary>
    [GeneratedRegex(@"^(?<name>[A-Za-z_][A-Za-z0-9_]*)\s*(?::[^=\n]+)?=\s*(?:flask\.)?(?:Flask|APIFlask|FlaskAPI)\s*\(", RegexOptions.Multiline)]
    private static partial Regex TopLevelApp();

    [GeneratedRegex(@"^def\s+(?:create_app|make_app)\s*\(", RegexOptions.Multiline)]
    private static partial Regex FactoryDefinition();
}
