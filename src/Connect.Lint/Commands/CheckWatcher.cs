using Connect.Lint.Pipeline;

namespace Connect.Lint.Commands;

/// <summary>
/// <c>check --watch</c>: the check, then again after every change to a file of the deployments (debounced), with a
/// warm interpreter per Python (the language server's machinery), until the process is interrupted.
/// </summary>
public static class CheckWatcher
{
    private static readonly TimeSpan Debounce = TimeSpan.FromMilliseconds(200);

    /// <summary>Paths whose changes are the tool's or the interpreter's own, not the project's.</summary>
    private static readonly string[] Ignored = ["/.git/", "/__pycache__/", "/.venv/", "/venv/", "/.connect_lint_cache/", "/node_modules/"];

    public static int Run(CheckOptions options, TextWriter stdout, TextWriter stderr, Func<int> check)
    {
        using var warm = Python.ForkServers.ForLongRun();
        var changed = new SemaphoreSlim(0);
        var watchers = WatchedDirectories(options.Paths).Select(directory => Watch(directory, changed)).ToList();
        try
        {
            var rounds = int.TryParse(Environment.GetEnvironmentVariable("CONNECT_LINT_WATCH_ROUNDS"), out var limit) ? limit : int.MaxValue; // for tests
            var exit = check();
            for (var round = 0; round < rounds; round++)
            {
                stderr.WriteLine("connect-lint: watching for changes (Ctrl+C stops)");
                stderr.Flush();
                changed.Wait();
                Thread.Sleep(Debounce);
                while (changed.Wait(0))
                {
                    // the rest of a burst of saves: one check for all of them
                }

                stderr.WriteLine($"connect-lint: [{DateTime.Now:HH:mm:ss}] files changed, checking again");
                exit = check();
                stdout.Flush();
            }

            return exit;
        }
        finally
        {
            watchers.ForEach(w => w.Dispose());
        }
    }

    /// <summary>
    /// The directories named on the command line (a deployment added below one later is found by the next check,
    /// which discovers again) and every deployment found now (a file named stands for its deployment); none inside another.
    /// </summary>
    private static List<string> WatchedDirectories(IReadOnlyList<string> paths)
    {
        var candidates = paths.Select(StartDirectory.FullPathOf).Where(Directory.Exists)
            .Concat(AnalysisPipeline.Discover(paths, out _).Select(t => t.Directory))
            .Select(d => Path.TrimEndingDirectorySeparator(StartDirectory.FullPathOf(d)))
            .Distinct(StringComparer.Ordinal)
            .ToList();
        return candidates.Where(d => !candidates.Any(other => other != d && d.StartsWith(other + Path.DirectorySeparatorChar, StringComparison.Ordinal))).ToList();
    }

    private static FileSystemWatcher Watch(string directory, SemaphoreSlim changed)
    {
        var watcher = new FileSystemWatcher(directory) { IncludeSubdirectories = true, NotifyFilter = NotifyFilters.FileName | NotifyFilters.DirectoryName | NotifyFilters.LastWrite | NotifyFilters.Size };
        void OnChange(object sender, FileSystemEventArgs e)
        {
            var path = e.FullPath.Replace('\\', '/');
            if (!Ignored.Any(path.Contains) && !Path.GetFileName(path).StartsWith(Rules.Model.PathExclusions.TemporaryFilePrefix, StringComparison.Ordinal))
            {
                changed.Release();
            }
        }

        watcher.Changed += OnChange;
        watcher.Created += OnChange;
        watcher.Deleted += OnChange;
        watcher.Renamed += OnChange;
        watcher.EnableRaisingEvents = true;
        return watcher;
    }
}
