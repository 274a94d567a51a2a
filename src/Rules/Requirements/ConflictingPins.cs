using Connect.Lint.Rules.Analysis;
using Connect.Lint.Rules.Model;
using Connect.Lint.Rules.Model.Requirements;

namespace Connect.Lint.Rules.Requirements;

/// <summary>
/// CL3010: requirements that cannot work together. Two kinds: a pin that another pinned distribution's installed
/// metadata excludes (what <c>pip check</c> knows; pip's resolver stops the install on Connect), and pairs the
/// metadata allows but that fail at import, from a small table, each entry with its source.
/// </summary>
public sealed class ConflictingPins : RequirementsRule
{
    /// <summary>Pairs that metadata allows but that do not work together.</summary>
    /// <param name="Newer">The distribution whose newer releases break <paramref name="Older"/>, and from which version.</param>
    private sealed record KnownBreak(string Older, string OlderRange, string Newer, string NewerRange, string Why, string Source);

    private static readonly KnownBreak[] KnownBreaks =
    [
        new("flask", "<2.3", "werkzeug", ">=3.0",
            "Flask before 2.3 imports werkzeug.urls.url_quote, which Werkzeug 3.0 removed: the import fails",
            "pallets/werkzeug#2789"),
    ];

    public override DiagnosticDescriptor Descriptor { get; } = Descriptors.Create(
        "CL3010", "conflicting-pins",
        "Requirements that cannot be installed or imported together",
        "{0}",
        RuleCategory.Requirements, Severity.Error, needs: RuleNeeds.InstalledPackages, precision: "high");

    protected override void AnalyzeRequirements(Deployment deployment, DiagnosticSink sink)
    {
        var declared = deployment.DeclaredRequirements.Where(r => r.NormalizedName is not null)
            .GroupBy(r => r.NormalizedName!).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var packages = deployment.Python?.Packages;
        foreach (var (name, requirement) in declared)
        {
            if (requirement.PinnedVersion is not { } pinned)
            {
                continue;
            }

            // The installed metadata describes the pinned release only when that release is the one installed.
            if (packages?.Versions.GetValueOrDefault(name) is { } installed && Pep440.Satisfies(installed, "==" + pinned) == true)
            {
                foreach (var dependency in packages.Requires.GetValueOrDefault(name) ?? [])
                {
                    if (dependency.Specifier.Length > 0 && declared.GetValueOrDefault(dependency.Name) is { PinnedVersion: { } other } dependent &&
                        Pep440.Satisfies(other, dependency.Specifier) == false)
                    {
                        sink.Report(Create(At(dependent.FilePath, dependent.Span), null,
                            $"{dependent.Text} conflicts with {requirement.Text}, which requires {dependency.Name}{dependency.Specifier}: pip cannot install both, so the deploy fails"));
                    }
                }
            }

            foreach (var known in KnownBreaks.Where(k => k.Older == name && Pep440.Satisfies(pinned, k.OlderRange) == true))
            {
                if (declared.GetValueOrDefault(known.Newer) is { PinnedVersion: { } newerPin } newer && Pep440.Satisfies(newerPin, known.NewerRange) == true)
                {
                    sink.Report(Create(At(newer.FilePath, newer.Span), null,
                        $"{newer.Text} does not work with {requirement.Text}: {known.Why} ({known.Source}); pin {known.Newer}{Below(known.NewerRange)} or upgrade {known.Older}"));
                }
            }
        }
    }

    /// <summary>"&gt;=3.0" becomes "&lt;3.0": the range that avoids the break.</summary>
    private static string Below(string range) => range.StartsWith(">=", StringComparison.Ordinal) ? "<" + range[2..] : $" outside {range}";
}
