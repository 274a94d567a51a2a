using Connect.Lint.Loading;
using Connect.Lint.Rules.Model;

namespace Connect.Lint.Fixing;

/// <summary>
/// One fixer per deployment at a time: an advisory lock (flock, which .NET takes for FileShare.None) on
/// <c>.connect-lint.lock</c> in the deployment, held while fixes are checked and written, then removed. A run
/// that finds it held waits a little, then refuses with a clear message instead of interleaving its writes.
/// </summary>
public sealed class DeploymentLock : IDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan Pause = TimeSpan.FromMilliseconds(50);

    private readonly FileStream _stream;

    private DeploymentLock(FileStream stream, string path)
    {
        _stream = stream;
        Path = path;
    }

    public string Path { get; }

    public static DeploymentLock Acquire(string directory)
    {
        var path = System.IO.Path.Combine(directory, PathExclusions.LockFileName);
        var deadline = DateTime.UtcNow + Patience;
        while (true)
        {
            FileStream? stream = null;
            try
            {
                stream = new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, 1, FileOptions.None);

                // The holder before us removes the file when it is done: a lock on a file no longer at the path is no lock.
                if (FileKinds.IdentityOf(stream.SafeFileHandle) is { } held && FileKinds.IdentityOf(path) != held)
                {
                    stream.Dispose();
                    continue;
                }

                return new DeploymentLock(stream, path);
            }
            catch (IOException) when (DateTime.UtcNow < deadline)
            {
                stream?.Dispose();
                Thread.Sleep(Pause);
            }
            catch (IOException)
            {
                stream?.Dispose();
                throw new FixRefusedException($"another connect-lint is fixing {Reporting.DisplayPath.ForLine(directory)} (it holds {PathExclusions.LockFileName}); try again when it is done");
            }
        }
    }

    public void Dispose()
    {
        try
        {
            File.Delete(Path); // while still holding it, so a waiter never locks a file that is about to go
        }
        catch (IOException)
        {
        }

        _stream.Dispose();
    }
}

/// <summary>A fix that was not written, with the reason a person needs (the file changed, another run holds the lock).</summary>
public sealed class FixRefusedException(string message) : Exception(message);
