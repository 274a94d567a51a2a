using Microsoft.Extensions.FileSystemGlobbing;

namespace Connect.Lint.Loading;

/// <summary>
/// The <c>exclude</c> globs of [tool.connect-lint] (relative to the pyproject.toml that holds them), matched
/// with Microsoft.Extensions.FileSystemGlobbing: "**/tests/**", "*.ipynb", "data/*.csv".
/// </summary>
public sealed class ConfigExclusions
{
    private readonly Matcher _matcher = new(StringComparison.Ordinal);
    private readonly string _baseDirectory;

    public ConfigExclusions(string baseDirectory, IReadOnlyList<string> globs)
    {
        _baseDirectory = baseDirectory;
        _matcher.AddIncludePatterns(globs);
        IsEmpty = globs.Count == 0;
    }

    public bool IsEmpty { get; }

    public string? Reason(string fullPath)
    {
        if (IsEmpty)
        {
            return null;
        }

        var relative = Path.GetRelativePath(_baseDirectory, fullPath).Replace('\\', '/');
        return !relative.StartsWith("../", StringComparison.Ordinal) && _matcher.Match(relative).HasMatches
            ? "exclude in [tool.connect-lint]"
            : null;
    }
}
