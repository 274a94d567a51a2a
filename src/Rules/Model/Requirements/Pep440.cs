using System.Text.RegularExpressions;

namespace Connect.Lint.Rules.Model.Requirements;

/// <summary>
/// PEP 440 versions and specifiers, as far as comparing pins needs: epochs, releases of any length, pre-, post- and
/// dev-releases (local labels are ignored), and the operators ==, !=, &lt;, &lt;=, &gt;, &gt;=, ~=, === and ==X.*.
/// </summary>
public static partial class Pep440
{
    /// <summary>A parsed version; null when the text is not a PEP 440 version.</summary>
    public sealed record Version(int Epoch, IReadOnlyList<long> Release, (int Kind, long Number)? Pre, long? Post, long? Dev) : IComparable<Version>
    {
        public int CompareTo(Version? other)
        {
            if (other is null)
            {
                return 1;
            }

            var byEpoch = Epoch.CompareTo(other.Epoch);
            if (byEpoch != 0)
            {
                return byEpoch;
            }

            for (var i = 0; i < Math.Max(Release.Count, other.Release.Count); i++)
            {
                var byPart = At(Release, i).CompareTo(At(other.Release, i));
                if (byPart != 0)
                {
                    return byPart;
                }
            }

            // As packaging orders them: 1.0.dev0 < 1.0a1 < 1.0 < 1.0.post1.
            var byPre = PreKey().CompareTo(other.PreKey());
            if (byPre != 0)
            {
                return byPre;
            }

            var byPost = (Post ?? -1).CompareTo(other.Post ?? -1);
            return byPost != 0 ? byPost : (Dev ?? long.MaxValue).CompareTo(other.Dev ?? long.MaxValue);
        }

        private (int, long) PreKey() =>
            Pre is { } pre ? pre
            : Post is null && Dev is not null ? (-1, 0)
            : (int.MaxValue, 0);

        private static long At(IReadOnlyList<long> release, int index) => index < release.Count ? release[index] : 0;
    }

    public static Version? Parse(string text)
    {
        var match = VersionPattern().Match(text.Trim().ToLowerInvariant());
        if (!match.Success)
        {
            return null;
        }

        var release = match.Groups["release"].Value.Split('.').Select(long.Parse).ToList();
        (int, long)? pre = match.Groups["pre"].Success
            ? (match.Groups["pre"].Value switch { "a" or "alpha" => 0, "b" or "beta" => 1, _ => 2 }, Number(match.Groups["preN"]))
            : null;
        long? post = match.Groups["post"].Success ? Number(match.Groups["postN"]) : match.Groups["postImplicit"].Success ? long.Parse(match.Groups["postImplicit"].Value) : null;
        long? dev = match.Groups["dev"].Success ? Number(match.Groups["devN"]) : null;
        return new Version(match.Groups["epoch"].Success ? int.Parse(match.Groups["epoch"].Value) : 0, release, pre, post, dev);
    }

    /// <summary>
    /// True when <paramref name="version"/> satisfies every clause of <paramref name="specifier"/> (comma-separated);
    /// null when either cannot be read (the caller then says nothing).
    /// </summary>
    public static bool? Satisfies(string version, string specifier)
    {
        var parsed = Parse(version);
        if (parsed is null)
        {
            return null;
        }

        foreach (var clause in specifier.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var match = ClausePattern().Match(clause);
            if (!match.Success)
            {
                return null;
            }

            var op = match.Groups["op"].Value;
            var target = match.Groups["version"].Value;
            if (op == "===")
            {
                if (!string.Equals(version.Trim(), target, StringComparison.OrdinalIgnoreCase))
                {
                    return false;
                }

                continue;
            }

            if (target.EndsWith(".*", StringComparison.Ordinal) && op is "==" or "!=")
            {
                var prefix = Parse(target[..^2]);
                if (prefix is null)
                {
                    return null;
                }

                var matches = prefix.Epoch == parsed.Epoch && prefix.Release.Select((part, i) => i < parsed.Release.Count ? parsed.Release[i] == part : part == 0).All(x => x);
                if (matches != (op == "=="))
                {
                    return false;
                }

                continue;
            }

            var other = Parse(target);
            if (other is null)
            {
                return null;
            }

            var comparison = parsed.CompareTo(other);
            var holds = op switch
            {
                "==" => comparison == 0,
                "!=" => comparison != 0,
                "<" => comparison < 0,
                "<=" => comparison <= 0,
                ">" => comparison > 0,
                ">=" => comparison >= 0,
                "~=" => comparison >= 0 && CompatiblePrefix(parsed, other),
                _ => (bool?)null,
            };
            if (holds is null)
            {
                return null;
            }

            if (holds == false)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>~=2.2.1 means &gt;=2.2.1 and ==2.2.*: the release without its last part is a prefix.</summary>
    private static bool CompatiblePrefix(Version version, Version target)
    {
        var prefix = target.Release.Take(Math.Max(1, target.Release.Count - 1)).ToList();
        return prefix.Select((part, i) => i < version.Release.Count && version.Release[i] == part).All(x => x);
    }

    private static long Number(Group group) => group.Success && group.Value.Length > 0 ? long.Parse(group.Value) : 0;

    [GeneratedRegex(@"^v?(?:(?<epoch>[0-9]{1,9})!)?(?<release>[0-9]{1,18}(?:\.[0-9]{1,18}){0,20})(?:[-_.]?(?<pre>alpha|a|beta|b|preview|pre|c|rc)[-_.]?(?<preN>[0-9]{0,18}))?(?:-(?<postImplicit>[0-9]{1,18})|[-_.]?(?<post>post|rev|r)[-_.]?(?<postN>[0-9]{0,18}))?(?:[-_.]?(?<dev>dev)[-_.]?(?<devN>[0-9]{0,18}))?(?:\+[a-z0-9.]{1,100})?$")]
    private static partial Regex VersionPattern();

    [GeneratedRegex(@"^(?<op>===|==|!=|<=|>=|~=|<|>)\s*(?<version>[A-Za-z0-9._+!*-]{1,100})$")]
    private static partial Regex ClausePattern();
}
