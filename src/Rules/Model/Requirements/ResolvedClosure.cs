namespace Connect.Lint.Rules.Model.Requirements;

/// <summary>One distribution pip would install: its normalised name, version, whether the requirements name it, and what it requires (normalised names).</summary>
public sealed record ResolvedDistribution(string Name, string Version, bool Requested, IReadOnlyList<string> Requires);

/// <summary>
/// What Connect installs from the requirements: pip's own resolution of them (`pip install --dry-run --ignore-installed
/// --report`), every distribution of the closure, declared or brought by a declared one, whatever this machine has installed.
/// </summary>
public sealed record ResolvedClosure(IReadOnlyDictionary<string, ResolvedDistribution> Distributions)
{
    /// <summary>pip's report as it wrote it (what the cache keeps); empty when built otherwise.</summary>
    public string Report { get; init; } = string.Empty;

    public bool Contains(string distribution) => Distributions.ContainsKey(PackageNames.Normalize(distribution));

    /// <summary>The requested distribution whose requirements bring <paramref name="distribution"/> (itself when requested); null when none does.</summary>
    public string? BroughtBy(string distribution)
    {
        var wanted = PackageNames.Normalize(distribution);
        foreach (var root in Distributions.Values.Where(d => d.Requested).OrderBy(d => d.Name, StringComparer.Ordinal))
        {
            var seen = new HashSet<string>(StringComparer.Ordinal) { root.Name };
            var queue = new Queue<string>([root.Name]);
            while (queue.Count > 0)
            {
                var name = queue.Dequeue();
                if (name == wanted)
                {
                    return root.Name;
                }

                foreach (var dependency in Distributions.GetValueOrDefault(name)?.Requires ?? [])
                {
                    if (Distributions.ContainsKey(dependency) && seen.Add(dependency))
                    {
                        queue.Enqueue(dependency);
                    }
                }
            }
        }

        return null;
    }
}
