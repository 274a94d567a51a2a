using Connect.Lint.Rules;
using Connect.Lint.Rules.Analysis;
using Connect.Lint.Rules.Model;
using Xunit;

namespace Connect.Lint.Tests.RuleTests;

/// <summary>
/// Runs one rule over an in-memory deployment, in the spirit of roslyn's analyzer verifiers: the diagnostics must
/// sit exactly on the <c>[|…|]</c> spans (whole-file and whole-line diagnostics are named explicitly), and a fix
/// must turn the files into the expected text.
/// </summary>
public static class RuleVerifier
{
    /// <summary>The rule's diagnostics, with suppressions applied as the engine applies them.</summary>
    public static IReadOnlyList<Diagnostic> Run(string id, TestDeployment project) => Run(id, project.Build());

    public static IReadOnlyList<Diagnostic> Run(string id, Deployment deployment)
    {
        var rule = RuleCatalog.Find(id) ?? throw new ArgumentException($"no rule {id}");
        var sink = new DiagnosticSink();
        rule.Analyze(deployment, sink);
        Assert.All(sink.Diagnostics, d => Assert.Equal(id, d.Id));
        return sink.Diagnostics.Where(d => !deployment.Suppressions.Any(s => s.Covers(d))).ToList();
    }

    /// <summary>The rule reports exactly the marked spans (and, if given, these whole files or whole lines).</summary>
    public static IReadOnlyList<Diagnostic> Fires(string id, TestDeployment project, params Location[] alsoExpected)
    {
        var diagnostics = Run(id, project);
        var expected = project.ExpectedSpans().Concat(alsoExpected).Select(Describe).Order(StringComparer.Ordinal).ToList();
        Assert.NotEmpty(expected);
        Assert.Equal(expected, diagnostics.Select(d => Describe(d.Location)).Order(StringComparer.Ordinal).ToList());
        return diagnostics;
    }

    /// <summary>The rule reports nothing.</summary>
    public static void IsQuiet(string id, TestDeployment project)
    {
        var diagnostics = Run(id, project);
        Assert.True(diagnostics.Count == 0, $"{id} should not fire, but reported:\n{string.Join("\n", diagnostics.Select(d => $"{Describe(d.Location)}: {d.Message}"))}");
    }

    /// <summary>Every fix of the rule's diagnostics applied in memory: the files' texts afterwards, by relative path.</summary>
    public static IReadOnlyDictionary<string, string> ApplyFixes(string id, TestDeployment project)
    {
        var deployment = project.Build();
        var files = deployment.Inventory.Append("manifest.json").Where(p => deployment.StateOf(p).Exists)
            .ToDictionary(p => p, project.TextOf, StringComparer.Ordinal);
        var edits = Run(id, deployment).Where(d => d.Fix is not null).SelectMany(d => d.Fix!.Edits).Distinct().ToList();
        Assert.NotEmpty(edits);
        foreach (var group in edits.GroupBy(e => e.FilePath))
        {
            var relative = group.Key[(TestDeployment.Root.Length + 1)..];
            var text = group.Any(e => e.CreatesFile) ? string.Empty : files[relative];
            foreach (var edit in group.OrderByDescending(e => e.Start))
            {
                text = text[..edit.Start] + edit.NewText + text[edit.End..];
            }

            files[relative] = text;
        }

        return files;
    }

    /// <summary>A whole file, as a location (Line 0).</summary>
    public static Location WholeFile(string relative) => Location.WholeFile(TestDeployment.PathOf(relative));

    /// <summary>A whole line, when the rule knows the line only.</summary>
    public static Location Line(string relative, int line) => Location.LineOnly(TestDeployment.PathOf(relative), line);

    private static string Describe(Location l) =>
        $"{l.FilePath[(TestDeployment.Root.Length + 1)..]}:{l.Line}:{l.Column}-{l.EndLine}:{l.EndColumn}";
}
