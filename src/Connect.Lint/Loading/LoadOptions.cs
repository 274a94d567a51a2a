namespace Connect.Lint.Loading;

/// <summary>What a load reads besides the deployment's own files: the excludes, and write-manifest's choices.</summary>
public sealed record LoadOptions
{
    /// <summary>--exclude globs (rsconnect's semantics, relative to the deployment).</summary>
    public IReadOnlyList<string> Excludes { get; init; } = [];

    public ConfigExclusions? Configured { get; init; }

    /// <summary>False for write-manifest: no text files and none of the old manifest's files list, only what a new manifest needs.</summary>
    public bool Analyse { get; init; } = true;

    /// <summary>write-manifest's EXTRA_FILES: listed whatever --exclude says (see <see cref="FileInventory.Build"/>).</summary>
    public IReadOnlySet<string>? Named { get; init; }

    /// <summary>write-manifest's --requirements-file, instead of the manifest's package_file.</summary>
    public string? PackageFile { get; init; }
}
