namespace Connect.Lint.Rehearsal;

/// <summary>
/// One run at a time per kept environment: an advisory lock (flock, which .NET takes for FileShare.None) on a file
/// beside it. A run that finds it held waits (another run is making the same environment) and then reuses its work.
/// </summary>
public static class CacheLock
{
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(30);

    public static FileStream Acquire(string path)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (true)
        {
            try
            {
                return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, 1, FileOptions.None);
            }
            catch (IOException) when (DateTime.UtcNow < deadline)
            {
                Output.ProgressLine.Activity("waiting for another run making the same environment");
                Thread.Sleep(200);
            }
        }
    }

    public static void DeleteQuietly(string directory)
    {
        try
        {
            if (Directory.Exists(directory))
            {
                Directory.Delete(directory, recursive: true);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
        }
    }
}
