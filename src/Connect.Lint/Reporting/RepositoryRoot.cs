namespace Connect.Lint.Reporting;

/// <summary>The directory SARIF URIs are relative to (%SRCROOT%): the git repository holding the start directory, else the start directory.</summary>
public static class RepositoryRoot
{
    public static string Find()
    {
        for (var directory = new DirectoryInfo(StartDirectory.Path); directory is not null; directory = directory.Parent)
        {
            if (Directory.Exists(Path.Combine(directory.FullName, ".git")) || File.Exists(Path.Combine(directory.FullName, ".git")))
            {
                return directory.FullName;
            }
        }

        return StartDirectory.Path;
    }

    /// <summary>A path relative to the root with '/' separators, each segment percent-encoded as a URI needs.</summary>
    public static string RelativeUri(string root, string path) =>
        string.Join('/', Path.GetRelativePath(root, path).Replace('\\', '/').Split('/').Select(Uri.EscapeDataString));
}
