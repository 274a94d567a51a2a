namespace Connect.Lint.Rules.Model.Requirements;

/// <summary>Which root of a dependency graph brings a distribution: the installed metadata's graph, or pip's resolution.</summary>
public static class DependencyWalk
{
    /// <summary>
    /// The first of <paramref name="roots"/> whose requirements include <paramref name="wanted"/>, directly or through
    /// others (breadth first; a root is its own), or null when none does.
    /// </summary>
    /// <param name="requires">A distribution's requirements (normalised names), empty for one the graph does not hold.</param>
    public static string? RootBringing(string wanted, IEnumerable<string> roots, Func<string, IEnumerable<string>> requires)
    {
        foreach (var root in roots)
        {
            var seen = new HashSet<string>(StringComparer.Ordinal) { root };
            var queue = new Queue<string>([root]);
            while (queue.Count > 0)
            {
                var name = queue.Dequeue();
                if (name == wanted)
                {
                    return root;
                }

                foreach (var dependency in requires(name).Where(seen.Add))
                {
                    queue.Enqueue(dependency);
                }
            }
        }

        return null;
    }
}
