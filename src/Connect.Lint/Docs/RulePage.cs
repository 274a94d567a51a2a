using System.Text;
using Connect.Lint.Rules.Analysis;

namespace Connect.Lint.Docs;

/// <summary>
/// A rule's page in <c>rules-docs/</c>: generated blocks that state the descriptor's facts (title, severity,
/// category, fix, needs, options) and a hand-written body around them (what it does, why, examples, references).
/// A test regenerates the blocks and fails when a page is stale; <c>CONNECT_LINT_WRITE_DOCS=1</c> rewrites them.
/// </summary>
public static class RulePage
{
    public const string WriteDocsVariable = "CONNECT_LINT_WRITE_DOCS";

    private const string End = "<!-- end of generated text -->";

    /// <summary>The blocks a page holds, in page order.</summary>
    public static readonly string[] BlockNames = ["summary", "options"];

    /// <summary>The page with every generated block rewritten from the descriptor; the body is kept byte for byte.</summary>
    /// <exception cref="FormatException">A block's markers are missing (a new page is made with <see cref="Skeleton"/>).</exception>
    public static string Refresh(string page, DiagnosticDescriptor descriptor)
    {
        foreach (var name in BlockNames)
        {
            var begin = Begin(name);
            var start = page.IndexOf(begin, StringComparison.Ordinal);
            var end = start < 0 ? -1 : page.IndexOf(End, start, StringComparison.Ordinal);
            if (start < 0 || end < 0)
            {
                throw new FormatException($"{descriptor.Id}.md has no generated '{name}' block ('{begin}' … '{End}')");
            }

            page = page[..(start + begin.Length)] + "\n" + Block(name, descriptor) + page[end..];
        }

        return page;
    }

    /// <summary>A new rule's page: the generated blocks and the headings its author fills in.</summary>
    public static string Skeleton(DiagnosticDescriptor descriptor) => Refresh(
        $"# {descriptor.Id} {descriptor.Name}\n\n{Begin("summary")}\n{End}\n\n" +
        "## What it does\nTODO\n\n## Why is this bad (on Connect)\nTODO\n\n## Example\nTODO\n\n## Use instead\nTODO\n\n## Fix\nTODO\n\n" +
        $"## Options\n{Begin("options")}\n{End}\n\n## References\nTODO\n",
        descriptor);

    private static string Begin(string name) =>
        $"<!-- generated:{name} from the rule's descriptor; edit the descriptor, then run `{WriteDocsVariable}=1 ./test.sh` -->";

    private static string Block(string name, DiagnosticDescriptor d) => name switch
    {
        "summary" => Summary(d),
        _ => Options(d),
    };

    private static string Summary(DiagnosticDescriptor d)
    {
        var builder = new StringBuilder();
        builder.Append($"*{d.Title}.*\n\n");
        builder.Append("| Default severity | Category | Fix | Needs |\n|---|---|---|---|\n");
        builder.Append($"| {d.DefaultSeverity.ToName()} | {d.Category.Label()} | {FixName(d.Fix)} | {Needs(d.Needs)} |\n");
        return builder.ToString();
    }

    private static string Options(DiagnosticDescriptor d)
    {
        var own = d.Options.Count == 0 ? "No setting changes what it reports. " : $"Settings that change what it reports: {string.Join(", ", d.Options.Select(o => $"`{o}`"))}. ";
        return own + $"Select or ignore the rule with `--select {d.Id}` / `--ignore {d.Id}` (or `select`, `ignore` and `per-file-ignores` in " +
               $"`[tool.connect-lint]`); in Python and requirements files `# noqa: {d.Id}` silences one line; " +
               $"`[tool.connect-lint.severity] {d.Id} = \"warning\"` changes its severity.\n";
    }

    public static string FixName(FixAvailability fix) => fix switch
    {
        FixAvailability.Safe => "safe",
        FixAvailability.Unsafe => "unsafe",
        _ => "none",
    };

    private static string Needs(RuleNeeds needs)
    {
        var parts = new List<string>();
        if (needs.HasFlag(RuleNeeds.PythonImport))
        {
            parts.Add("the import of the app by the project's interpreter");
        }

        if (needs.HasFlag(RuleNeeds.InstalledPackages))
        {
            parts.Add("the installed distributions");
        }

        if (needs.HasFlag(RuleNeeds.InterpreterVersions))
        {
            parts.Add("the interpreter's versions");
        }

        if (needs.HasFlag(RuleNeeds.Git))
        {
            parts.Add("Git");
        }

        if (needs.HasFlag(RuleNeeds.Rehearsal))
        {
            parts.Add("the deploy rehearsal (`check --rehearse`)");
        }

        return parts.Count == 0 ? "the files only" : string.Join("; ", parts);
    }
}

/// <summary>The rules-docs pages, shipped inside the tool.</summary>
public static class RuleDocs
{
    public static string? Page(string id) => EmbeddedText.TryRead($"rules-docs/{id}.md");

    /// <summary>The page as `explain` prints it: without the maintainers' comment lines (where generated text starts and ends).</summary>
    public static string? ForReaders(string id) =>
        Page(id) is { } page
            ? string.Concat(page.Split('\n').Where(line => !(line.StartsWith("<!--", StringComparison.Ordinal) && line.TrimEnd().EndsWith("-->", StringComparison.Ordinal))).Select(line => line + "\n"))[..^1]
            : null;
}
