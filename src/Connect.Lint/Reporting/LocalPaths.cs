namespace Connect.Lint.Reporting;

/// <summary>
/// Keeps a report that leaves the machine (SARIF uploaded to code scanning) free of where things were on it: the
/// repository root becomes relative paths, the home directory becomes '~'. System paths (/usr/bin/python3) stay.
/// </summary>
public sealed class LocalPaths(string root)
{
    private readonly string _root = root.TrimEnd('/') + "/";
    private readonly string? _home = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile) is { Length: > 1 } home ? home.TrimEnd('/') : null;

    public string Scrub(string text)
    {
        var scrubbed = text.Replace(_root, string.Empty, StringComparison.Ordinal);
        return _home is null ? scrubbed : scrubbed.Replace(_home + "/", "~/", StringComparison.Ordinal);
    }
}
