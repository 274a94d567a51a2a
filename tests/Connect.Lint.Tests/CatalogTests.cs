using Connect.Lint.Commands;
using Connect.Lint.Docs;
using Connect.Lint.Rules;
using Connect.Lint.Rules.Analysis;
using Snapshooter.Xunit;
using Xunit;

namespace Connect.Lint.Tests;

/// <summary>The rule list, the rules-docs pages and `connect-lint rules` stay one-to-one.</summary>
public sealed class CatalogTests
{
    private static readonly string DocsDirectory = Path.Combine(Fixtures.RepositoryRoot, "rules-docs");

    [Fact]
    public void EveryRuleHasAPage_AndEveryPageARule()
    {
        var ruleIds = RuleCatalog.All.Select(r => r.Descriptor.Id).Order().ToList();
        var pageIds = Directory.GetFiles(DocsDirectory, "*.md").Select(p => Path.GetFileNameWithoutExtension(p)!).Order().ToList();
        Assert.Equal(ruleIds, pageIds);
    }

    [Fact]
    public void EveryPageHasTheSectionsUsersExpect()
    {
        foreach (var rule in RuleCatalog.All)
        {
            var page = RuleDocs.Page(rule.Descriptor.Id);
            Assert.NotNull(page);
            Assert.StartsWith($"# {rule.Descriptor.Id} {rule.Descriptor.Name}\n", page);
            foreach (var heading in new[] { "## What it does", "## Why is this bad (on Connect)", "## Example", "## Use instead", "## Fix", "## Options", "## References" })
            {
                Assert.Contains(heading, page);
            }
        }
    }

    [Fact]
    public void EveryRule_HasItsOwnRuleLevelTestFile()
    {
        var missing = RuleCatalog.All.Select(r => r.Descriptor.Id)
            .Where(id => !File.Exists(Path.Combine(Fixtures.RepositoryRoot, "tests", "Connect.Lint.Tests", "Rules", $"{id}Tests.cs")))
            .ToList();
        Assert.True(missing.Count == 0, $"rules without tests/Connect.Lint.Tests/Rules/<ID>Tests.cs: {string.Join(", ", missing)}");
    }

    [Fact]
    public void EveryRule_LivesInTheFolderOfItsCategory()
    {
        // src/Rules/<Category>/: Manifest (CL1xxx), Entrypoints (CL2xxx), Requirements (CL3xxx), Git (CL4xxx), Security (CL5xxx), Tool (CL9xxx).
        Assert.All(RuleCatalog.All, rule =>
        {
            var folder = rule.GetType().Namespace!.Split('.').Last();
            Assert.StartsWith(rule.Descriptor.Category.Label(), folder, StringComparison.OrdinalIgnoreCase);
        });
    }

    [Fact]
    public void IdsAreUniqueAndInTheirCategoryRange()
    {
        Assert.Equal(RuleCatalog.All.Count, RuleCatalog.All.Select(r => r.Descriptor.Id).Distinct().Count());
        Assert.All(RuleCatalog.All, r => Assert.True(RuleIdRanges.Contains(r.Descriptor.Category, r.Descriptor.Id)));
    }

    /// <summary>The table is built from the descriptors, so it is checked against them (not a snapshot: a new rule changes no test).</summary>
    [Fact]
    public void RulesCommand_ListsEveryRule_FromItsDescriptor_InAlignedColumns()
    {
        using var project = TempProject.Empty();
        var run = project.Run("rules");
        Assert.Equal(0, run.ExitCode);

        var lines = run.Stdout.TrimEnd('\n').Split('\n');
        Assert.Matches(@"^ID +NAME +SEVERITY +PYTHON +FIX +WHAT IT FINDS$", lines[0]);
        var columns = new[] { "NAME", "SEVERITY", "PYTHON", "FIX", "WHAT IT FINDS" }.Select(h => lines[0].IndexOf(h, StringComparison.Ordinal)).ToArray();
        Assert.Equal(RuleCatalog.All.Count, lines.Length - 1);
        foreach (var (rule, line) in RuleCatalog.All.Zip(lines.Skip(1)))
        {
            var d = rule.Descriptor;
            Assert.StartsWith(d.Id + " ", line);
            Assert.Equal(d.Name, line[columns[0]..].Split(' ')[0]);
            Assert.Equal(d.DefaultSeverity.ToName(), line[columns[1]..].Split(' ')[0]);
            Assert.Equal(d.NeedsPython ? "yes" : string.Empty, line[columns[2]..columns[3]].Trim());
            Assert.Equal(d.Fix == FixAvailability.None ? string.Empty : RulePage.FixName(d.Fix), line[columns[3]..columns[4]].Trim());
            Assert.Equal(d.Title, line[columns[4]..]);
        }
    }

    [Fact]
    public void Explain_PrintsThePage_AndRefusesUnknownCodes()
    {
        using var project = TempProject.Empty();
        var explained = project.Run("explain", "CL1007").Stdout;

        // The page as written, less the maintainers' comment lines around the generated text.
        Assert.Equal(RuleDocs.Page("CL1007")!.Split('\n').Where(l => !l.StartsWith("<!--", StringComparison.Ordinal)), explained.Split('\n'));
        Assert.DoesNotContain("<!--", explained);
        Assert.StartsWith("# CL1007 manifest-checksum-stale\n\n*", explained);
        Assert.Equal(2, project.Run("explain", "CL4242").ExitCode);
    }

    [Fact]
    public void UsageErrors_ExitTwo()
    {
        using var project = TempProject.Empty();
        Assert.Equal(2, project.Run("check", "--format", "xml").ExitCode);
        Assert.Equal(2, project.Run("check", "no/such/dir").ExitCode);
    }
}

public sealed class Md5Tests
{
    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(55)]
    [InlineData(56)]
    [InlineData(63)]
    [InlineData(64)]
    [InlineData(1000)]
    [InlineData(300_000)]
    public void ManagedMd5_EqualsThePlatformsMd5(int length)
    {
        var data = new byte[length];
        new Random(length).NextBytes(data);
        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.MD5.HashData(data)), Rules.Model.Md5.HexOf(data));
    }

    /// <summary>The tool reads rules through their descriptors' needs and uses, never by ID: a new rule changes nothing in it.</summary>
    [Fact]
    public void TheTool_NamesNoRuleId()
    {
        var tool = Path.Combine(Fixtures.RepositoryRoot, "src", "Connect.Lint");
        var named = Directory.EnumerateFiles(tool, "*.*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".cs", StringComparison.Ordinal) || f.EndsWith(".py", StringComparison.Ordinal))
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal) &&
                        !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .SelectMany(f => File.ReadLines(f).Select((line, i) => (File: Path.GetRelativePath(tool, f), Line: i + 1, Text: line)))
            .Where(l => System.Text.RegularExpressions.Regex.IsMatch(l.Text, @"\bCL[0-9]{4}\b"))
            .Select(l => $"{l.File}:{l.Line}: {l.Text.Trim()}")
            .ToList();

        Assert.Empty(named);
    }
}
