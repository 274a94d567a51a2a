namespace Connect.Lint;

/// <summary>
/// The directory the command started in. Relative paths of the command line and of the report are read against it,
/// never against the process's working directory, which project code can move (os.chdir in the embedded host).
/// </summary>
public static class StartDirectory
{
    public static string Path { get; private set; } = Environment.CurrentDirectory;

    /// <summary>Called as each command starts (tests run many commands in one process, from different directories).</summary>
    public static void Capture() => Path = Environment.CurrentDirectory;

    /// <summary>A path of the command line, made absolute against the start directory.</summary>
    public static string FullPathOf(string path) => System.IO.Path.GetFullPath(path, Path);
}
