using System.Text.RegularExpressions;
using Connect.Lint.Rules.Model.Rehearsal;

namespace Connect.Lint.Rehearsal;

/// <summary>
/// Where pip looked for distributions and whether it got there, from what it printed ("Looking in indexes:",
/// "Looking in links:", its retries after a broken connection) and from this machine's configuration (no-index):
/// a requirement pip could not find is Connect's problem only when pip asked an index Connect asks too (the default
/// index, or one the requirements file names) and reached it.
/// </summary>
public sealed partial record PipReach(IReadOnlyList<string> Indexes, IReadOnlyList<string> Links, string? Unreachable)
{
    public const string DefaultIndex = "https://pypi.org/simple";

    /// <param name="output">pip's stdout and stderr.</param>
    /// <param name="requirementsText">The requirements files' text: an index or --no-index written there is Connect's too.</param>
    public static PipReach Read(string output, string requirementsText)
    {
        var noIndex = PipConfiguration.NoIndex() || requirementsText.Contains("--no-index", StringComparison.Ordinal);
        var indexes = LookingIn(output, "indexes") is { Count: > 0 } printed ? printed : noIndex ? [] : [DefaultIndex];
        var links = LookingIn(output, "links");
        var fromRequirements = indexes.Concat(links).Where(place => requirementsText.Contains(place, StringComparison.Ordinal)).ToList();
        var reach = new PipReach(indexes, links, UnreachableCause(output));
        return reach with { AsksConnectsIndex = indexes.Contains(DefaultIndex) || fromRequirements.Count > 0 };
    }

    /// <summary>True when pip asked an index Connect asks too: the default index, or an index or folder the requirements name.</summary>
    public bool AsksConnectsIndex { get; private init; }

    /// <summary>The places pip looked, for a sentence ("https://pypi.org/simple", "the folder /opt/wheels").</summary>
    public string Places => string.Join(" and ", Indexes.Concat(Links.Select(l => l.Contains("://", StringComparison.Ordinal) ? l : $"the folder {l}")).DefaultIfEmpty("no index"));

    /// <summary>
    /// The problems with pip's "no version is available" rewritten as this machine's when its index decided them: the
    /// index was unreachable, or pip looked only where this machine's configuration points.
    /// </summary>
    public IReadOnlyList<InstallProblem> Attribute(IReadOnlyList<InstallProblem> problems) =>
        problems.Select(problem => problem.Kind != InstallProblemKind.NotAvailable || (Unreachable is null && AsksConnectsIndex)
            ? problem
            : problem with { Kind = InstallProblemKind.ThisMachinesIndex, Reason = WhyUnanswered(problem.Distribution) }).ToList();

    /// <summary>Why this machine's pip could not say whether a distribution installs on Connect.</summary>
    public string WhyUnanswered(string? distribution) =>
        Unreachable is not null
            ? $"{Cause(distribution)}, so whether {distribution ?? "the requirements"} installs on Connect is unknown"
            : $"{Cause(distribution)}; Connect installs from its own package index";

    /// <summary>What kept pip from an answer: the index out of reach, or only this machine's wheelhouse or index asked.</summary>
    public string Cause(string? distribution) =>
        Unreachable is { } cause
            ? $"pip could not reach {Places} from this machine ({cause})"
            : $"{distribution ?? "a requirement"} is not in {Places}, where this machine's pip configuration points";

    private static List<string> LookingIn(string output, string what) =>
        Regex.Matches(output, $@"^Looking in {what}: (?<places>.+)$", RegexOptions.Multiline)
            .SelectMany(m => m.Groups["places"].Value.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
            .Select(Output.Redaction.Redact)
            .Distinct(StringComparer.Ordinal)
            .ToList();

    /// <summary>Why the index could not be reached, in a few words ("Name or service not known", "Cannot connect to proxy"); null when nothing says it was not.</summary>
    private static string? UnreachableCause(string output)
    {
        var broken = BrokenConnection().Match(output);
        var fetch = CouldNotFetch().Match(output);
        if (!broken.Success && !fetch.Success && !MaxRetries().IsMatch(output))
        {
            return null;
        }

        var detail = broken.Success ? broken.Groups["detail"].Value : fetch.Success ? fetch.Groups["detail"].Value : output;
        return Errno().Match(detail) is { Success: true } errno ? errno.Groups["why"].Value.Trim()
            : detail.Contains("ProxyError", StringComparison.Ordinal) || detail.Contains("proxy", StringComparison.OrdinalIgnoreCase) ? "the proxy refused or could not be reached"
            : detail.Contains("CERTIFICATE_VERIFY_FAILED", StringComparison.Ordinal) || detail.Contains("SSLError", StringComparison.Ordinal) ? "its TLS certificate could not be verified"
            : detail.Contains("timed out", StringComparison.OrdinalIgnoreCase) ? "the connection timed out"
            : "the connection failed";
    }

    [GeneratedRegex(@"Retrying \(Retry\([^\n]*?\)\) after connection broken by '(?<detail>[^\n]*)': \S+")]
    private static partial Regex BrokenConnection();

    [GeneratedRegex(@"Could not fetch URL \S+: (?<detail>[^\n]*)")]
    private static partial Regex CouldNotFetch();

    [GeneratedRegex(@"Max retries exceeded with url|ProxyError|Network is unreachable")]
    private static partial Regex MaxRetries();

    [GeneratedRegex(@"\[Errno -?\d+\] (?<why>[^'""\]\)]+)")]
    private static partial Regex Errno();
}
