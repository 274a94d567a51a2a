namespace Connect.Lint;

/// <summary>
/// The directory the command started in. Relative paths of the command line and of the report are read against it,
/// never against the process's working directory, which project code can move (os.chdir in the embedded host) and
/// which commands run side by side in one process (the tests) do not share.
/// </summary>
public static class StartDirectory
{
    private static readonly AsyncLocal<string?> Current = new();

    /// <summary>This command's start directory (it flows into the tasks and threads the command starts).</summary>
    public static string Path => Current.Value ?? Environment.CurrentDirectory;

    /// <summary>Called as each command starts: the given directory, or the process's working directory.</summary>
    public static void Capture(string? directory = null) => Current.Value = System.IO.Path.GetFullPath(directory ?? Environment.CurrentDirectory);

    /// <summary>A path of the command line, made absolute against the start directory.</summary>
    public static string FullPathOf(string path) => System.IO.Path.GetFullPath(path, Path);
}
