namespace Connect.Lint.Rules.Model;

/// <summary>Which paths in a manifest's <c>files</c> are safe to resolve inside the deployment.</summary>
public static class ManifestPaths
{
    /// <summary>Why the listed path must never be read, or null when it is a plain relative path.</summary>
    public static string? UnsafeReason(string path)
    {
        if (path.Length == 0)
        {
            return "the path is empty";
        }

        if (path.Contains('\0'))
        {
            return "the path contains a NUL character";
        }

        if (path.Contains('\\'))
        {
            return "the path contains a backslash; manifests use '/' separators";
        }

        if (path.StartsWith('/') || (path.Length >= 2 && char.IsAsciiLetter(path[0]) && path[1] == ':'))
        {
            return "the path is absolute";
        }

        if (path.Split('/').Any(part => part == ".."))
        {
            return "the path climbs out with '..'";
        }

        return null;
    }
}
