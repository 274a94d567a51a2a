using Connect.Lint.Rules.Analysis;

namespace Connect.Lint.Fixing;

/// <summary>
/// Chooses which fixes of one analysis to apply together: fixes whose edits overlap an already chosen edit
/// wait for the next round (identical edits, which several diagnostics share, are applied once).
/// </summary>
public static class FixPlanner
{
    public static (IReadOnlyList<Diagnostic> Chosen, IReadOnlyList<TextEdit> Edits) Plan(IEnumerable<Diagnostic> diagnostics, bool includeUnsafe)
    {
        var chosen = new List<Diagnostic>();
        var edits = new List<TextEdit>();
        foreach (var diagnostic in diagnostics)
        {
            if (diagnostic.Fix is not { } fix || (fix.Safety == FixAvailability.Unsafe && !includeUnsafe))
            {
                continue;
            }

            var fresh = fix.Edits.Where(e => !edits.Contains(e)).ToList();
            if (fresh.Any(e => edits.Any(e.Overlaps) || (e.CreatesFile && edits.Any(o => o.FilePath == e.FilePath))))
            {
                continue;
            }

            edits.AddRange(fresh);
            chosen.Add(diagnostic);
        }

        return (chosen, edits);
    }
}
