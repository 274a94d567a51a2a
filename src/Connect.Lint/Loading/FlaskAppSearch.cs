using System.Text.RegularExpressions;

namespace Connect.Lint.Loading;

/// <summary>
/// Whether a directory holds a Flask app at all, from its Python sources' text (nothing is run): a Flask(...)
/// construction (APIFlask, FlaskAPI, FlaskApp and Quart included) or an application factory (def create_app/make_app).
/// write-manifest refuses a directory with none rather than write a Flask manifest for it.
/// </summary>
public static partial class FlaskAppSearch
{
    /// <summary>Sources larger than this are not app modules worth searching.</summary>
    private const int MaxSourceChars = 2 * 1024 * 1024;

    public const string WhatIsLookedFor = "a Flask(...) construction (or APIFlask, FlaskAPI, FlaskApp, Quart) or a create_app()/make_app() factory";

    public static bool AnyIn(IEnumerable<string> inventory, Func<string, string?> sourceOf) =>
        inventory.Where(path => path.EndsWith(".py", StringComparison.Ordinal))
            .Select(sourceOf)
            .Any(text => text is { Length: <= MaxSourceChars } && AppCode().IsMatch(text));

    [GeneratedRegex(@"(?:Flask|FlaskAPI|FlaskApp|Quart)\s*\(|\bdef\s+(?:create_app|make_app)\s*\(")]
    private static partial Regex AppCode();
}
