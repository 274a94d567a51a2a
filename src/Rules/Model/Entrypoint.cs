namespace Connect.Lint.Rules.Model;

/// <summary>An entrypoint as Connect reads it: <c>module</c> or <c>module:object</c>.</summary>
public sealed record Entrypoint(string Module, string? Object)
{
    /// <summary>The names Connect tries, in order, when the entrypoint names only a module.</summary>
    public static readonly IReadOnlyList<string> DefaultObjects = ["app", "application"];

    public static readonly IReadOnlyList<string> DefaultFactories = ["create_app", "make_app"];

    public override string ToString() => Object is null ? Module : Module + ":" + Object;

    /// <summary>Why Connect cannot use this entrypoint text, or null when its syntax is right.</summary>
    public static string? SyntaxProblem(string text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return "the entrypoint is empty";
        }

        if (text != text.Trim())
        {
            return "the entrypoint has leading or trailing spaces";
        }

        if (text.Contains('/') || text.Contains('\\'))
        {
            return "the entrypoint names a path; use a dotted module name (e.g. 'pkg.module:app')";
        }

        var parts = text.Split(':');
        if (parts.Length > 2)
        {
            return "the entrypoint has more than one ':'";
        }

        var module = parts[0];
        if (module.EndsWith(".py", StringComparison.Ordinal))
        {
            return $"the module '{module}' ends in '.py'; name the module without it ('{module[..^3]}')";
        }

        if (module.Length == 0)
        {
            return "the module part is empty";
        }

        if (module.Split('.').Any(segment => !IsModuleSegment(segment)))
        {
            return $"'{module}' is not a module name";
        }

        if (parts.Length == 2)
        {
            var obj = parts[1];
            if (obj.Contains('('))
            {
                return $"'{obj}' is call syntax; Connect looks the object up by name and never calls it with arguments";
            }

            if (!IsIdentifier(obj))
            {
                return obj.Length == 0 ? "the object part after ':' is empty" : $"'{obj}' is not a Python identifier";
            }
        }

        return null;
    }

    public static Entrypoint Parse(string text)
    {
        var colon = text.IndexOf(':');
        return colon < 0 ? new Entrypoint(text, null) : new Entrypoint(text[..colon], text[(colon + 1)..]);
    }

    /// <summary>A module segment: an identifier, or a file name with hyphens (Connect imports it by path).</summary>
    private static bool IsModuleSegment(string segment) =>
        segment.Length > 0 && !char.IsAsciiDigit(segment[0]) && segment.All(c => char.IsLetterOrDigit(c) || c is '_' or '-');

    private static bool IsIdentifier(string name) =>
        name.Length > 0 && !char.IsAsciiDigit(name[0]) && name.All(c => char.IsLetterOrDigit(c) || c == '_');
}
