using System.Text;
using System.Text.RegularExpressions;

namespace Connect.Lint.Loading;

/// <summary>
/// rsconnect-python's --exclude semantics, matched against paths relative to the deployment directory: a
/// pattern naming an existing directory excludes everything below it; "dir/**/*" is a prefix match; otherwise
/// the path and pattern are compared segment by segment with fnmatch rules (case-sensitive), and at most one
/// "**" stands for any number of segments.
/// </summary>
public sealed class RsconnectGlob
{
    private readonly string? _prefix;
    private readonly object[] _parts = [];
    private readonly int? _wildcardIndex;

    private RsconnectGlob(string pattern, bool namesDirectory)
    {
        Pattern = pattern;
        if (namesDirectory)
        {
            _prefix = pattern.TrimEnd('/') + "/";
            return;
        }

        if (pattern.EndsWith("/**/*", StringComparison.Ordinal))
        {
            _prefix = pattern[..^4];
            return;
        }

        var segments = pattern.Split('/');
        _parts = new object[segments.Length];
        for (var i = 0; i < segments.Length; i++)
        {
            var segment = segments[i];
            if (segment == "**")
            {
                if (_wildcardIndex is not null)
                {
                    throw new UsageException($"--exclude '{pattern}': only one '**' is allowed in a pattern");
                }

                _wildcardIndex = i;
                _parts[i] = segment;
            }
            else
            {
                _parts[i] = segment.IndexOfAny(['*', '?', '[']) >= 0 ? Compile(pattern, segment) : segment;
            }
        }
    }

    public string Pattern { get; }

    /// <summary>Builds the glob; <paramref name="directory"/> is the deployment directory the pattern is relative to.</summary>
    public static RsconnectGlob Create(string pattern, string directory)
    {
        var normalized = pattern.Replace('\\', '/');
        while (normalized.StartsWith("./", StringComparison.Ordinal))
        {
            normalized = normalized[2..];
        }

        var namesDirectory = normalized.Length > 0 && Directory.Exists(Path.Combine(directory, normalized));
        return new RsconnectGlob(normalized, namesDirectory);
    }

    public bool Matches(string relativePath)
    {
        if (_prefix is not null)
        {
            return relativePath.StartsWith(_prefix, StringComparison.Ordinal);
        }

        var parts = relativePath.Split('/');
        var wildcard = _wildcardIndex ?? _parts.Length;
        for (var i = 0; i < wildcard; i++)
        {
            if (!ItemMatches(i, i, parts))
            {
                return false;
            }
        }

        if (_wildcardIndex is null)
        {
            return _parts.Length == parts.Length;
        }

        var patternIndex = _parts.Length - 1;
        var partIndex = parts.Length - 1;
        while (patternIndex > wildcard && partIndex >= 0)
        {
            if (!ItemMatches(patternIndex, partIndex, parts))
            {
                return false;
            }

            patternIndex--;
            partIndex--;
        }

        return patternIndex == wildcard;
    }

    private bool ItemMatches(int patternIndex, int partIndex, string[] parts)
    {
        if (partIndex >= parts.Length)
        {
            return false;
        }

        return _parts[patternIndex] switch
        {
            string literal => literal == parts[partIndex],
            Regex regex => regex.IsMatch(parts[partIndex]),
            _ => false,
        };
    }

    private static Regex Compile(string pattern, string segment)
    {
        try
        {
            return new Regex(FnmatchToRegex(segment), RegexOptions.CultureInvariant | RegexOptions.NonBacktracking);
        }
        catch (ArgumentException e)
        {
            throw new UsageException($"--exclude '{pattern}': not a valid pattern ({e.Message.TrimEnd('.')})");
        }
    }

    /// <summary>Python's fnmatch.translate for one path segment, anchored at both ends.</summary>
    private static string FnmatchToRegex(string pattern)
    {
        var builder = new StringBuilder(@"\A(?s:");
        for (var i = 0; i < pattern.Length; i++)
        {
            var c = pattern[i];
            switch (c)
            {
                case '*': builder.Append(".*"); break;
                case '?': builder.Append('.'); break;
                case '[':
                    var searchFrom = i + (i + 1 < pattern.Length && pattern[i + 1] == '!' ? 2 : 1) + 1;
                    var close = searchFrom < pattern.Length ? pattern.IndexOf(']', searchFrom) : -1;
                    if (close < 0)
                    {
                        builder.Append(@"\[");
                        break;
                    }

                    var body = pattern[(i + 1)..close];
                    builder.Append('[');
                    if (body.StartsWith('!'))
                    {
                        builder.Append('^');
                        body = body[1..];
                    }

                    builder.Append(body.Replace(@"\", @"\\", StringComparison.Ordinal)).Append(']');
                    i = close;
                    break;
                default: builder.Append(Regex.Escape(c.ToString())); break;
            }
        }

        return builder.Append(@")\z").ToString();
    }
}
