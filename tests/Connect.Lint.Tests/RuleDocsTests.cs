using Connect.Lint.Docs;
using Connect.Lint.Rules;
using Xunit;

namespace Connect.Lint.Tests;

/// <summary>
/// Each rules-docs page states what its descriptor says (generated blocks) around a hand-written body. A stale page
/// fails here; <c>CONNECT_LINT_WRITE_DOCS=1 ./test.sh</c> rewrites the blocks (and makes a skeleton for a new rule).
/// </summary>
public sealed class RuleDocsTests
{
    private static readonly string DocsDirectory = Path.Combine(Fixtures.RepositoryRoot, "rules-docs");

    private static bool Writing => Environment.GetEnvironmentVariable(RulePage.WriteDocsVariable) == "1";

    [Fact]
    public void EveryPage_StatesWhatItsDescriptorSays()
    {
        var stale = new List<string>();
        foreach (var rule in RuleCatalog.All)
        {
            var path = Path.Combine(DocsDirectory, rule.Descriptor.Id + ".md");
            var page = File.Exists(path) ? File.ReadAllText(path) : null;
            var expected = page is null ? RulePage.Skeleton(rule.Descriptor) : RulePage.Refresh(page, rule.Descriptor);
            if (expected == page)
            {
                continue;
            }

            if (Writing)
            {
                File.WriteAllText(path, expected);
            }
            else
            {
                stale.Add(rule.Descriptor.Id);
            }
        }

        Assert.True(stale.Count == 0, $"stale rules-docs pages: {string.Join(", ", stale)}; run `{RulePage.WriteDocsVariable}=1 ./test.sh` and commit them");
    }

    [Fact]
    public void NoPage_IsLeftWithTheSkeletonsTodo()
    {
        var unfinished = Directory.GetFiles(DocsDirectory, "*.md").Where(p => File.ReadAllText(p).Contains("\nTODO\n", StringComparison.Ordinal)).Select(Path.GetFileName).ToList();
        Assert.True(unfinished.Count == 0, $"pages still to write: {string.Join(", ", unfinished)}");
    }

    [Fact]
    public void Refresh_KeepsTheBody_AndIsIdempotent()
    {
        var descriptor = RuleCatalog.Find("CL1007")!.Descriptor;
        var page = File.ReadAllText(Path.Combine(DocsDirectory, "CL1007.md"));
        var once = RulePage.Refresh(page, descriptor);
        Assert.Equal(once, RulePage.Refresh(once, descriptor));
        Assert.Contains("| warning | manifest | safe | the files only |", once);
        Assert.Contains("## Why is this bad (on Connect)\nA changed file with an old checksum", once);
    }

    [Fact]
    public void Refresh_NamesTheMissingBlock()
    {
        var descriptor = RuleCatalog.Find("CL1007")!.Descriptor;
        var error = Assert.Throws<FormatException>(() => RulePage.Refresh("# CL1007 manifest-checksum-stale\n\nhand-written only\n", descriptor));
        Assert.Contains("CL1007.md has no generated 'summary' block", error.Message);
    }
}
