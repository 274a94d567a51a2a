namespace Connect.Lint.Rules.Model.Requirements;

/// <summary>A column span on one line of a requirements file (1-based, end exclusive).</summary>
public sealed record LineSpan(int Line, int Column, int EndColumn);

/// <summary>One meaningful entry of a requirements file, after comments and line continuations.</summary>
public abstract record RequirementsEntry(string FilePath, LineSpan Span, string Text);

/// <summary>A requirement: a named distribution (with specifier, extras, markers, or a direct URL), or a bare path/URL.</summary>
public sealed record RequirementEntry(
    string FilePath,
    LineSpan Span,
    string Text,
    string? Name,
    LineSpan? NameSpan,
    IReadOnlyList<string> Extras,
    string Specifier,
    string? Markers,
    string? Url,
    bool Editable,
    IReadOnlyList<string> Hashes) : RequirementsEntry(FilePath, Span, Text)
{
    /// <summary>PEP 503 normalised name (lowercase, runs of -_. become -).</summary>
    public string? NormalizedName => Name is null ? null : PackageNames.Normalize(Name);

    /// <summary>
    /// The URL when it points at the local disk (`.`, `./libs/x`, `/abs/x.whl`, `vendor/x-1.0.tar.gz`, `file:///…`): a
    /// path that exists only where the requirements were written, not where Connect installs them; else null.
    /// </summary>
    public string? LocalPath => Url is { } url && IsLocal(url) ? url : null;

    private static bool IsLocal(string url) =>
        url.StartsWith("file:", StringComparison.OrdinalIgnoreCase) || url.StartsWith('.') || url.StartsWith('/') || url.StartsWith('~') ||
        (!url.Contains("://", StringComparison.Ordinal) && (url.Contains('/') || PackageNames.IsArchive(url)));

    /// <summary>The exact pinned version (== or ===, no wildcard), or null.</summary>
    public string? PinnedVersion
    {
        get
        {
            var parts = Specifier.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length != 1)
            {
                return null;
            }

            var pin = parts[0];
            var version = pin.StartsWith("===", StringComparison.Ordinal) ? pin[3..] : pin.StartsWith("==", StringComparison.Ordinal) ? pin[2..] : null;
            return version is null || version.Contains('*') ? null : version.Trim();
        }
    }
}

/// <summary>-r/--requirement or -c/--constraint: another file, relative to this one.</summary>
public sealed record IncludeEntry(string FilePath, LineSpan Span, string Text, string Target, bool IsConstraint, LineSpan TargetSpan)
    : RequirementsEntry(FilePath, Span, Text);

/// <summary>A global option line (--index-url, --extra-index-url, --find-links, --trusted-host, ...).</summary>
public sealed record OptionEntry(string FilePath, LineSpan Span, string Text, string Option, string? Value, LineSpan? ValueSpan)
    : RequirementsEntry(FilePath, Span, Text);

/// <summary>A line pip cannot parse.</summary>
public sealed record RequirementsError(string FilePath, LineSpan Span, string Message);

/// <summary>A parsed requirements file: its entries, its errors, and its noqa comments.</summary>
public sealed record RequirementsFile(SourceText Source, IReadOnlyList<RequirementsEntry> Entries, IReadOnlyList<RequirementsError> Errors)
{
    public string FilePath => Source.FilePath;

    public IEnumerable<RequirementEntry> Requirements => Entries.OfType<RequirementEntry>();
}

public static class PackageNames
{
    /// <summary>Whether the name is a file pip installs from (a wheel or a source archive): `x-1.0-py3-none-any.whl`, `x-1.0.tar.gz`.</summary>
    public static bool IsArchive(string path) =>
        path.EndsWith(".whl", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".tar.gz", StringComparison.OrdinalIgnoreCase) ||
        path.EndsWith(".zip", StringComparison.OrdinalIgnoreCase);

    public static string Normalize(string name)
    {
        var builder = new System.Text.StringBuilder(name.Length);
        var lastWasSeparator = false;
        foreach (var c in name.Trim())
        {
            if (c is '-' or '_' or '.')
            {
                if (!lastWasSeparator)
                {
                    builder.Append('-');
                }

                lastWasSeparator = true;
            }
            else
            {
                builder.Append(char.ToLowerInvariant(c));
                lastWasSeparator = false;
            }
        }

        return builder.ToString();
    }
}
