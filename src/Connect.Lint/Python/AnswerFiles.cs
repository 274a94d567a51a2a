namespace Connect.Lint.Python;

/// <summary>
/// The files a bridge writes its answers (and a forked deployment its output) to, when it has no pipe of its own: the
/// embedded host and the fork server. Named per process and run, read when the bridge is done, always removed.
/// </summary>
internal static class AnswerFiles
{
    public static string NewPath(string extension) =>
        Path.Combine(Path.GetTempPath(), $"connect-lint-{Environment.ProcessId}-{Guid.NewGuid():N}{extension}");

    /// <summary>The answer lines written so far; none when the bridge never got to write the file.</summary>
    public static string[] ReadLines(string path) => File.Exists(path) ? File.ReadAllLines(path) : [];

    public static void Delete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (IOException)
        {
        }
    }
}
