namespace Connect.Lint.Rehearsal;

/// <summary>
/// The requirements files, and nothing else of the project, in a temporary directory, at the places they have in the
/// deployment: pip installs from there. Connect makes an environment from the requirements alone (it keeps and reuses
/// environments by them), so a local path the requirements name (`-e .`, `./vendor/x.whl`) is not found here either,
/// and pip's in-tree build of one (an `*.egg-info`, a `build/`) cannot land in the project. pip reads the very text the
/// check read and keyed the environment by. Removed on dispose.
/// </summary>
public sealed class RequirementsOnly : IDisposable
{
    private RequirementsOnly(string directory) => Directory = directory;

    public string Directory { get; }

    /// <param name="deploymentDirectory">Where the files are in the project; each keeps its place below it.</param>
    /// <param name="files">Full paths inside the deployment, with the text read from them.</param>
    public static RequirementsOnly Write(string deploymentDirectory, IEnumerable<(string Path, string Text)> files)
    {
        var directory = System.IO.Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), $"connect-lint-requirements-{Guid.NewGuid():N}")).FullName;
        var written = new RequirementsOnly(directory);
        try
        {
            foreach (var (path, text) in files)
            {
                var relative = Path.GetRelativePath(deploymentDirectory, path);
                if (relative.StartsWith("..", StringComparison.Ordinal) || Path.IsPathRooted(relative))
                {
                    continue; // the loader reads only files inside the deployment; pip then says what is missing
                }

                var target = Path.Combine(directory, relative);
                System.IO.Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                File.WriteAllText(target, text);
            }
        }
        catch
        {
            written.Dispose();
            throw;
        }

        return written;
    }

    /// <summary>pip's output with this directory's path shown as the deployment's own relative paths (`./vendor/x.whl`, `.`).</summary>
    public string Relativize(string output) =>
        output.Replace("file://" + Directory + "/", "./", StringComparison.Ordinal)
            .Replace("file://" + Directory, ".", StringComparison.Ordinal)
            .Replace(Directory + "/", "./", StringComparison.Ordinal)
            .Replace(Directory, ".", StringComparison.Ordinal);

    public void Dispose() => CacheLock.DeleteQuietly(Directory);
}
