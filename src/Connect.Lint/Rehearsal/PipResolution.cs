using System.Text.Json;
using Connect.Lint.Caching;
using Connect.Lint.Output;
using Connect.Lint.Rules.Model;
using Connect.Lint.Rules.Model.Rehearsal;
using Connect.Lint.Rules.Model.Requirements;

namespace Connect.Lint.Rehearsal;

/// <summary>
/// What Connect installs from the requirements, as pip's own resolver computes it without installing anything:
/// `pip install --dry-run --ignore-installed --report` with the chosen interpreter and the user's pip configuration,
/// beside the requirements files alone (<see cref="RequirementsOnly"/>). Kept in the tool's cache by the interpreter,
/// the requirements text and pip's configuration; an answer pip could not give (no reachable index) is kept for a few
/// minutes only, so that a check on every save does not wait for pip each time. --no-cache neither reads nor keeps one.
/// </summary>
public static class PipResolution
{
    /// <summary>How resolutions are made: a change to it makes new ones.</summary>
    private const string Recipe = "closure 2";

    /// <summary>
    /// The resolution's own pip options: one retry and a short timeout say "unreachable" in a second, where pip's
    /// defaults take a minute; wheels only, so that a plain check never builds (runs) a downloaded source distribution.
    /// </summary>
    private static readonly string[] Options =
        ["--dry-run", "--ignore-installed", "--only-binary", ":all:", "--disable-pip-version-check", "--no-input", "--progress-bar", "off", "--retries", "1", "--timeout", "10"];

    /// <summary>How long pip's "could not resolve" is believed without asking again.</summary>
    private static readonly TimeSpan UnresolvedKept = TimeSpan.FromMinutes(10);

    public static Fact<ResolvedClosure> Resolve(string interpreter, Deployment deployment, TimeSpan timeout, bool useCache)
    {
        var files = deployment.Requirements.Select(f => (f.FilePath, f.Source.Text)).ToList();
        var key = RehearsalEnvironment.KeyOf(Recipe, interpreter, deployment.Directory, files);
        var (name, unresolvedName) = ($"closures/{key}.json", $"closures/{key}.unresolved");
        if (useCache && ToolCache.Read(name) is { } cached && Parse(cached) is { } kept)
        {
            Trace.Mark("closure: kept from an earlier resolution");
            return Fact<ResolvedClosure>.Gathered(kept);
        }

        if (useCache && RecentlyUnresolved(unresolvedName) is { } reason)
        {
            Trace.Mark("closure: unresolved a moment ago");
            return Fact<ResolvedClosure>.Unavailable(reason);
        }

        var fact = Ask(interpreter, deployment, files, timeout);
        if (useCache && fact.Reason is { } unresolved)
        {
            ToolCache.Write(unresolvedName, $"{DateTimeOffset.UtcNow.ToUnixTimeMilliseconds()}\n{unresolved}");
        }
        else if (useCache && fact.Value is not null)
        {
            ToolCache.Write(name, fact.Value.Report);
        }

        return fact;
    }

    /// <summary>Why pip could not resolve these requirements, when it said so less than <see cref="UnresolvedKept"/> ago.</summary>
    private static string? RecentlyUnresolved(string name)
    {
        if (ToolCache.Read(name)?.Split('\n', 2) is not [var stored, var reason] || !long.TryParse(stored, out var milliseconds))
        {
            return null;
        }

        var age = DateTimeOffset.UtcNow - DateTimeOffset.FromUnixTimeMilliseconds(milliseconds);
        return age >= TimeSpan.Zero && age < UnresolvedKept ? $"{reason} ({age.TotalMinutes:0} min ago; --no-cache asks pip again)" : null;
    }

    private static Fact<ResolvedClosure> Ask(string interpreter, Deployment deployment, IReadOnlyList<(string Path, string Text)> files, TimeSpan timeout)
    {
        RequirementsOnly requirementsOnly;
        try
        {
            requirementsOnly = RequirementsOnly.Write(deployment.Directory, files);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return Fact<ResolvedClosure>.Unavailable($"the requirements could not be copied for pip to a temporary directory ({e.Message})");
        }

        using var held = requirementsOnly;
        var report = Path.Combine(requirementsOnly.Directory, ".connect-lint-pip-report.json");
        string[] arguments = ["-m", "pip", "install", .. Options, "--report", report, "-r", deployment.PackageFile];
        var run = RehearsalProcess.Run(interpreter, arguments, requirementsOnly.Directory, timeout);
        if (!run.Succeeded && HasNoPip(run) && BaseInterpreter(interpreter) is { } basePython)
        {
            // An environment made without pip (uv's, venv --without-pip): its base interpreter's pip resolves for the same Python.
            run = RehearsalProcess.Run(basePython, arguments, requirementsOnly.Directory, timeout);
        }

        if (run.TimedOut)
        {
            return Fact<ResolvedClosure>.Unavailable($"pip did not resolve {deployment.PackageFile} in {timeout.TotalSeconds:0} s");
        }

        if (!run.Succeeded)
        {
            return Fact<ResolvedClosure>.Unavailable(WhyNot(run, requirementsOnly, files, deployment.PackageFile));
        }

        var text = File.Exists(report) ? File.ReadAllText(report) : string.Empty;
        if (Parse(text) is not { } closure)
        {
            return Fact<ResolvedClosure>.Unavailable("pip's resolution report could not be read (pip 22.2 or later writes it)");
        }

        Trace.Mark("closure: resolved by pip");
        return Fact<ResolvedClosure>.Gathered(closure with { Report = text });
    }

    /// <summary>Why pip gave no resolution, in a clause: its first problem, with the index named when the index was the cause.</summary>
    private static string WhyNot(Processes.ProcessOutcome run, RequirementsOnly requirementsOnly, IReadOnlyList<(string Path, string Text)> files, string packageFile)
    {
        var (stdout, stderr) = (requirementsOnly.Relativize(run.Stdout), requirementsOnly.Relativize(run.StderrTail));
        if (HasNoPip(run))
        {
            return "the interpreter has no pip to resolve the requirements with";
        }

        var reach = PipReach.Read(stdout + "\n" + stderr, string.Concat(files.Select(f => f.Text + "\n")));
        var problem = reach.Attribute(PipOutput.Problems(stdout, stderr)).FirstOrDefault();
        var why = problem is null ? "pip failed without saying why"
            : problem.Kind == InstallProblemKind.ThisMachinesIndex ? reach.Cause(problem.Distribution)
            : problem.Reason;

        // "No version found" may be a requirement published only as a source distribution, which this resolution skips.
        var wheelsOnly = problem?.Kind is InstallProblemKind.NotAvailable || (problem?.Kind is InstallProblemKind.ThisMachinesIndex && reach.Unreachable is null)
            ? "; wheels only here: one published only as a source distribution is resolved by check --rehearse"
            : string.Empty;
        return Redaction.Redact($"pip could not resolve {packageFile} ({why}{wheelsOnly})");
    }

    private static bool HasNoPip(Processes.ProcessOutcome run) => run.StderrTail.Contains("No module named pip", StringComparison.Ordinal);

    /// <summary>The interpreter a virtual environment was made from (pyvenv.cfg's executable, else its home's python3); null for one that is not a venv.</summary>
    private static string? BaseInterpreter(string interpreter)
    {
        try
        {
            var configuration = Path.Combine(Path.GetDirectoryName(Path.GetDirectoryName(interpreter)!)!, "pyvenv.cfg");
            var settings = File.Exists(configuration)
                ? File.ReadLines(configuration).Select(l => l.Split('=', 2)).Where(p => p.Length == 2).ToDictionary(p => p[0].Trim(), p => p[1].Trim(), StringComparer.Ordinal)
                : [];
            var candidate = settings.GetValueOrDefault("executable") ?? (settings.GetValueOrDefault("home") is { } home ? Path.Combine(home, "python3") : null);
            return candidate is not null && File.Exists(candidate) && candidate != interpreter ? candidate : null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException)
        {
            return null;
        }
    }

    /// <summary>The closure in pip's installation report (its "install" list); null when the text is not one.</summary>
    internal static ResolvedClosure? Parse(string report)
    {
        try
        {
            using var document = JsonDocument.Parse(report);
            if (!document.RootElement.TryGetProperty("install", out var install) || install.ValueKind != JsonValueKind.Array)
            {
                return null;
            }

            var distributions = new Dictionary<string, ResolvedDistribution>(StringComparer.Ordinal);
            foreach (var item in install.EnumerateArray())
            {
                var metadata = item.GetProperty("metadata");
                var name = PackageNames.Normalize(metadata.GetProperty("name").GetString() ?? string.Empty);
                var requires = metadata.TryGetProperty("requires_dist", out var dist) && dist.ValueKind == JsonValueKind.Array
                    ? dist.EnumerateArray().Select(d => d.GetString() ?? string.Empty)
                        .Where(d => !d.Contains("extra ==", StringComparison.Ordinal) && !d.Contains("extra==", StringComparison.Ordinal))
                        .Select(d => PackageNames.Normalize(new string(d.TakeWhile(c => char.IsLetterOrDigit(c) || c is '-' or '_' or '.').ToArray())))
                        .Where(d => d.Length > 0)
                        .ToList()
                    : [];
                distributions[name] = new ResolvedDistribution(
                    name, metadata.TryGetProperty("version", out var version) ? version.GetString() ?? string.Empty : string.Empty,
                    item.TryGetProperty("requested", out var requested) && requested.ValueKind == JsonValueKind.True, requires);
            }

            return new ResolvedClosure(distributions);
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException)
        {
            return null;
        }
    }
}
