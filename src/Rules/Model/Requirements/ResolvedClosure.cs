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

    /// <summary>The requested distribution whose requirements bring <paramref name="distribution"/> (itself when requested); null when none does.</summary>
    public string? BroughtBy(string distribution) =>
        DependencyWalk.RootBringing(
            PackageNames.Normalize(distribution),
            Distributions.Values.Where(d => d.Requested).Select(d => d.Name).Order(StringComparer.Ordinal),
            name => (Distributions.GetValueOrDefault(name)?.Requires ?? []).Where(Distributions.ContainsKey)); // only what pip installs
}
