using Connect.Lint.Rules;
using Connect.Lint.Rules.Analysis;
using Xunit;

namespace Connect.Lint.Tests;

/// <summary>
/// src/Rules/AnalyzerReleases.{Shipped,Unshipped}.md list every rule ID once, as roslyn-analyzers track theirs: a
/// new rule is added to Unshipped; a shipped ID is never reused; a change of category or severity is recorded.
/// </summary>
public sealed class ReleaseTrackingTests
{
    private sealed record Row(string Section, string Id, string Category, string Severity);

    private static IReadOnlyList<Row> Rows(string file)
    {
        var rows = new List<Row>();
        var section = string.Empty;
        foreach (var line in File.ReadAllLines(Path.Combine(Fixtures.RepositoryRoot, "src", "Rules", file)))
        {
            if (line.StartsWith("### ", StringComparison.Ordinal))
            {
                section = line[4..].Trim();
            }
            else if (line.StartsWith("CL", StringComparison.Ordinal))
            {
                var cells = line.Split('|').Select(c => c.Trim()).ToArray();
                Assert.True(cells.Length >= 3, $"{file}: a row needs ID | Category | Severity: '{line}'");
                rows.Add(new Row(section, cells[0], cells[1], cells[2]));
            }
        }

        return rows;
    }

    private static IEnumerable<Row> All() => Rows("AnalyzerReleases.Shipped.md").Concat(Rows("AnalyzerReleases.Unshipped.md"));

    [Fact]
    public void EveryRule_IsListedOnceAsNew()
    {
        var added = All().Where(r => r.Section == "New Rules").Select(r => r.Id).ToList();
        Assert.Equal(added.Count, added.Distinct().Count());
        var catalog = RuleCatalog.All.Select(r => r.Descriptor.Id).Order().ToList();
        var removed = All().Where(r => r.Section == "Removed Rules").Select(r => r.Id).ToHashSet();
        Assert.Equal(catalog, added.Where(id => !removed.Contains(id)).Order().ToList());
    }

    [Fact]
    public void TheLastRecordedCategoryAndSeverity_AreTheDescriptors()
    {
        foreach (var rule in RuleCatalog.All)
        {
            var last = All().Last(r => r.Id == rule.Descriptor.Id && r.Section is "New Rules" or "Changed Rules");
            Assert.Equal(rule.Descriptor.Category.Label(), last.Category);
            Assert.Equal(rule.Descriptor.DefaultSeverity.ToName(), last.Severity, ignoreCase: true);
        }
    }

    [Fact]
    public void ARemovedId_IsNeverReused()
    {
        var removed = All().Where(r => r.Section == "Removed Rules").Select(r => r.Id).ToHashSet();
        var reused = RuleCatalog.All.Select(r => r.Descriptor.Id).Where(removed.Contains).ToList();
        Assert.True(reused.Count == 0, $"removed rule IDs reused: {string.Join(", ", reused)}");
    }
}
