namespace Connect.Lint.Rules.Model;

/// <summary>
/// Which project paths are not deployable, and why. rsconnect leaves out only a few top-level directories;
/// we also leave out bytecode, virtual environments, version-control data and secrets wherever they are.
/// </summary>
public static class PathExclusions
{
    /// <summary>Directories rsconnect itself skips at the top level of the deployment.</summary>
    public static readonly IReadOnlySet<string> RsconnectTopLevelDirectories = new HashSet<string>(StringComparer.Ordinal)
    {
        ".git", ".svn", "__pycache__", "node_modules", "renv", "packrat", "rsconnect", "rsconnect-python", ".Rproj.user",
    };

    private static readonly IReadOnlySet<string> VersionControl = new HashSet<string>(StringComparer.Ordinal) { ".git", ".svn", ".hg", ".bzr" };

    private static readonly IReadOnlySet<string> ToolCaches = new HashSet<string>(StringComparer.Ordinal)
    {
        ".ipynb_checkpoints", ".pytest_cache", ".mypy_cache", ".ruff_cache", ".tox", ".nox", ".Rproj.user", ".idea", ".vscode",
    };

    private static readonly IReadOnlySet<string> EnvTemplates = new HashSet<string>(StringComparer.Ordinal)
    {
        ".env.example", ".env.sample", ".env.template", ".env.dist", ".env.defaults",
    };

    /// <summary>Why a directory (relative path, '/' separators) is not walked, or null when it is.</summary>
    public static string? DirectoryReason(string relativeDirectory, bool isVirtualEnvironment)
    {
        var name = relativeDirectory[(relativeDirectory.LastIndexOf('/') + 1)..];
        var topLevel = !relativeDirectory.Contains('/');
        if (isVirtualEnvironment)
        {
            return "virtual environment";
        }

        if (VersionControl.Contains(name))
        {
            return "version control data";
        }

        if (name == "__pycache__")
        {
            return "Python bytecode";
        }

        if (name == "node_modules")
        {
            return "node_modules";
        }

        if (ToolCaches.Contains(name))
        {
            return "tool cache";
        }

        return topLevel && RsconnectTopLevelDirectories.Contains(name) ? "skipped by rsconnect" : null;
    }

    /// <summary>Why a file (relative path) is not deployable, or null when it is.</summary>
    public static string? FileReason(string relativePath)
    {
        var name = relativePath[(relativePath.LastIndexOf('/') + 1)..];
        if (relativePath == "manifest.json")
        {
            return "the manifest itself";
        }

        if (name.EndsWith(".pyc", StringComparison.Ordinal) || name.EndsWith(".pyo", StringComparison.Ordinal))
        {
            return "Python bytecode";
        }

        if (VersionControl.Contains(name))
        {
            return "version control data (the link of a Git worktree or submodule)";
        }

        if (IsToolWorkingFile(name))
        {
            return "connect-lint's own working file";
        }

        if (ClutterReason(name) is { } clutter)
        {
            return clutter;
        }

        if (IsEnvFile(name))
        {
            return "secrets file (use Connect's Vars instead)";
        }

        return null;
    }

    /// <summary>Files that are nobody's content: operating-system folder data and editors' swap and backup files.</summary>
    private static string? ClutterReason(string name) =>
        name is ".DS_Store" or "Thumbs.db" or "desktop.ini" || name.StartsWith("._", StringComparison.Ordinal) ? "operating-system clutter"
        : name.EndsWith(".swp", StringComparison.Ordinal) || name.EndsWith(".swo", StringComparison.Ordinal) ||
          (name.EndsWith('~') && name.Length > 1) || name.StartsWith(".#", StringComparison.Ordinal) ? "an editor's swap or backup file"
        : null;

    /// <summary>The lock and temporary files a fix keeps beside what it writes, for a moment.</summary>
    public const string LockFileName = ".connect-lint.lock";

    public const string TemporaryFilePrefix = ".connect-lint-";

    public static bool IsToolWorkingFile(string name) =>
        name == LockFileName || (name.StartsWith(TemporaryFilePrefix, StringComparison.Ordinal) && name.EndsWith(".tmp", StringComparison.Ordinal));

    public static bool IsEnvFile(string name) =>
        (name == ".env" || name.StartsWith(".env.", StringComparison.Ordinal)) && !EnvTemplates.Contains(name);

    /// <summary>
    /// Why a path listed in a manifest is junk that should not be deployed (CL1009), or null: what a build or an
    /// environment generates, editor settings, tool caches and clutter. Judged by name, since the file may be gone;
    /// <paramref name="virtualEnvironments"/> are the venv directories found.
    /// </summary>
    public static string? ListedJunkReason(string listedPath, IReadOnlySet<string> virtualEnvironments) =>
        GeneratedReason(listedPath, virtualEnvironments) ?? CacheOrClutterReason(listedPath);

    /// <summary>Why a path is something a build or an environment generates (a venv, version-control data, bytecode, node_modules), or null.</summary>
    public static string? GeneratedReason(string path, IReadOnlySet<string> virtualEnvironments)
    {
        var parts = path.Split('/');
        for (var i = 0; i < parts.Length - 1; i++)
        {
            var part = parts[i];
            var prefix = string.Join('/', parts, 0, i + 1);
            if (virtualEnvironments.Contains(prefix) || part is ".venv" or "venv" or "site-packages")
            {
                return "a virtual environment";
            }

            if (VersionControl.Contains(part))
            {
                return "version control data";
            }

            if (part == "__pycache__")
            {
                return "Python bytecode";
            }

            if (part == "node_modules")
            {
                return "node_modules";
            }
        }

        var name = parts[^1];
        return name.EndsWith(".pyc", StringComparison.Ordinal) || name.EndsWith(".pyo", StringComparison.Ordinal) ? "Python bytecode"
            : VersionControl.Contains(name) ? "version control data" : null;
    }

    /// <summary>Why a path is a tool cache, editor settings, a working file of ours or clutter, or null.</summary>
    private static string? CacheOrClutterReason(string path)
    {
        var parts = path.Split('/');
        foreach (var part in parts[..^1])
        {
            if (ToolCaches.Contains(part))
            {
                return part is ".idea" or ".vscode" ? "an editor's settings" : "a tool cache";
            }
        }

        var name = parts[^1];
        return IsToolWorkingFile(name) ? "connect-lint's own working file" : ClutterReason(name);
    }
}
