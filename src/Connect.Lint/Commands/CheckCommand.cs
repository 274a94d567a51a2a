using Connect.Lint.Fixing;
using Connect.Lint.Loading;
using Connect.Lint.Output;
using Connect.Lint.Pipeline;
using Connect.Lint.Python;
using Connect.Lint.Reporting;
using Connect.Lint.Rules.Analysis;
using Connect.Lint.Settings;

namespace Connect.Lint.Commands;

public sealed record CheckOptions
{
    public IReadOnlyList<string> Paths { get; init; } = ["."];
    public bool Fix { get; init; }
    public bool UnsafeFixes { get; init; }
    public bool Diff { get; init; }

    /// <summary>--add-noqa: a # noqa comment for each current finding that a Python or requirements line can hold.</summary>
    public bool AddNoqa { get; init; }
    public bool ExitZero { get; init; }
    /// <summary>--output-format (alias --format): text, concise, json, json-lines, sarif, github, gitlab, junit.</summary>
    public string Format { get; init; } = "text";

    /// <summary>--statistics: counts per rule instead of the diagnostics (text or json).</summary>
    public bool Statistics { get; init; }

    /// <summary>--show-fixes: what --fix settled (or would settle), per file and rule, after the report.</summary>
    public bool ShowFixes { get; init; }

    /// <summary>-q: the diagnostics and nothing else (no summary, no notices on stderr).</summary>
    public bool Quiet { get; init; }

    /// <summary>-v: one more line per deployment on stderr (files, rules, time).</summary>
    public bool Verbose { get; init; }

    /// <summary>--watch: check again whenever a file of a deployment changes, until interrupted.</summary>
    public bool Watch { get; init; }
    public string? Output { get; init; }
    public Severity FailLevel { get; init; } = Severity.Warning;

    /// <summary>Print each deployment's resolved settings, with where each value came from, and check nothing.</summary>
    public bool ShowSettings { get; init; }

    /// <summary>--rev: check this commit's files, as Connect clones them, instead of the work tree; "" for the configured branch (else HEAD).</summary>
    public string? Revision { get; init; }

    /// <summary>With --rev: a PATH the commit lacks (a file the push deleted) stands for the deployment it was in, not a usage error.</summary>
    public bool AbsentPathsStandForDeployments { get; init; }

    /// <summary>What the command line said about the analysis (rules, excludes, Python).</summary>
    public CommandLineSettings Settings { get; init; } = CommandLineSettings.None;
}

/// <summary><c>connect-lint check</c>: the pipeline for every deployment found, then one report and the exit code.</summary>
public static partial class CheckCommand
{
    public static int Run(CheckOptions options, TextWriter stdout, TextWriter stderr)
    {
        if (options.AddNoqa && (options.Fix || options.Diff || options.Watch || options.Revision is not null))
        {
            throw new UsageException("--add-noqa writes comments into the work tree's files once: it does not combine with --fix, --diff, --watch or --rev");
        }

        if (options.Revision is not null && (options.Fix || options.Diff || options.Watch))
        {
            throw new UsageException("--rev checks a commit: --fix, --diff and --watch work on the work tree (drop --rev for them)");
        }

        if (!options.Watch)
        {
            return RunOnce(options, stdout, stderr);
        }

        if (options.Fix || options.Diff || options.Output is not null || options.ShowSettings)
        {
            throw new UsageException("--watch reports to the terminal: it does not combine with --fix, --diff, --output or --show-settings");
        }

        return CheckWatcher.Run(options, stdout, stderr, () => RunOnce(options, stdout, stderr));
    }

    private static int RunOnce(CheckOptions options, TextWriter stdout, TextWriter stderr)
    {
        if (options.Statistics && options.Format is not ("text" or "concise" or "json"))
        {
            throw new UsageException($"--statistics prints text or json, not {options.Format}");
        }

        var unknown = new RuleSelection(options.Settings.Select, options.Settings.Ignore, options.Settings.ExtendSelect)
            .UnknownSelectors(Rules.RuleCatalog.All.Select(r => r.Descriptor.Id)).ToList();
        if (unknown.Count > 0)
        {
            throw new UsageException($"unknown rule selector {string.Join(", ", unknown)} (see 'connect-lint rules')");
        }

        var (commit, paths) = options.Revision is { } revision
            ? CommitTree.Open(revision.Length == 0 ? TrackedBranch.DefaultRevision(options.Paths) : revision, options.Paths, options.AbsentPathsStandForDeployments)
            : (null, options.Paths);
        using var removesCopy = commit;
        var targets = AnalysisPipeline.Discover(paths, out var outside).Select(t => t with { Commit = commit }).ToList();
        if (outside.Count > 0 && !options.Quiet)
        {
            var first = commit is null ? outside[0] : DisplayPath.Of(commit.ToRepository(outside[0]));
            stderr.WriteLine($"connect-lint: {Output.OutputSafety.Escape(first)}" + (outside.Count > 1 ? $" and {outside.Count - 1} more" : string.Empty) +
                             ": in no deployment (no manifest.json above, and the repository has deployments elsewhere); not checked");
        }

        if (EmbeddedCompanion.NeededFor(() => targets.Select(t => AnalysisPipeline.ResolveSettings(t, options.Settings).PythonHost.Value)) is { } companion)
        {
            return EmbeddedCompanion.Run(companion);
        }

        if (options.ShowSettings)
        {
            // Of a commit: the repository's paths, not the private copy's.
            string Shown(string path) => commit?.ToRepository(path) ?? path;
            Emit(options, stdout, string.Concat(targets.Select(t => AnalysisPipeline.ResolveSettings(t, options.Settings) is var settings
                ? SettingsReport.Render(Shown(t.Directory), settings with { ConfigFile = settings.ConfigFile is { } file ? Shown(file) : null })
                : string.Empty)));
            return 0;
        }

        // Deployments are independent: checked in parallel, one per core, reported in discovery order.
        var outcomes = new DeploymentOutcome[targets.Count];
        var done = 0;
        using var progress = ProgressLine.Start(() => targets.Count == 1
            ? $"checking {DisplayPath.Of(commit?.ToRepository(targets[0].Directory) ?? targets[0].Directory)}"
            : $"checking {targets.Count} deployments, {Volatile.Read(ref done)} done");
        using var forkServers = ForkServers.For(targets.Count);
        try
        {
            Parallel.For(0, targets.Count, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount },
                i =>
                {
                    outcomes[i] = CheckOne(targets[i], options);
                    Interlocked.Increment(ref done);
                });
        }
        catch (AggregateException e) when (e.InnerExceptions.Count > 0)
        {
            // A usage error in one deployment's settings (a bad [tool.connect-lint] value) is the run's, as before.
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(e.InnerExceptions[0]).Throw();
        }

        var summaries = outcomes.Select(o => o.Summary).ToList();
        var diagnostics = outcomes.SelectMany(o => o.Diagnostics);
        var diffs = outcomes.SelectMany(o => o.Diffs).ToList();
        var settled = outcomes.SelectMany(o => o.Fixed).ToList();
        Trace.Mark("analysed");
        progress.Dispose(); // erased before the report
        return Report(options, stdout, stderr, summaries, LintEngine.Order(diagnostics), LintEngine.Order(settled), diffs, commit);
    }

    private sealed record DeploymentOutcome(DeploymentSummary Summary, IReadOnlyList<Diagnostic> Diagnostics, IReadOnlyList<Diagnostic> Fixed, IReadOnlyList<string> Diffs);

    /// <summary>One deployment through the pipeline: settings, load, analyse, then --diff or --fix.</summary>
    private static DeploymentOutcome CheckOne(DeploymentTarget target, CheckOptions options)
    {
        var started = System.Diagnostics.Stopwatch.StartNew();
        var settings = AnalysisPipeline.ResolveSettings(target, options.Settings);
        var loaded = AnalysisPipeline.Load(target, settings);
        var found = AnalysisPipeline.Analyse(loaded.Deployment, settings);
        var notices = new List<string>();
        var diffs = new List<string>();
        IReadOnlyList<Diagnostic> settled = [];
        if (options.Diff)
        {
            try
            {
                diffs.AddRange(FixStage.Preview(loaded, found, options.UnsafeFixes).Select(c => UnifiedDiff.Create(DisplayPath.Of(c.Path), c.Before, c.After)));
            }
            catch (FixRefusedException refused)
            {
                notices.Add($"fixes not applied: {refused.Message}");
            }
        }
        else if (options.AddNoqa)
        {
            var (edits, suppressed) = NoqaComments.Plan(loaded.Deployment, found);
            try
            {
                FixTransaction.Apply(loaded.Deployment, edits);
                if (edits.Count > 0)
                {
                    // Checked again, so the report tells what the files say now (a listed file's checksum moved, stale in the manifest).
                    loaded = AnalysisPipeline.Load(target, settings);
                    found = AnalysisPipeline.Analyse(loaded.Deployment, settings);
                }

                var files = edits.Select(e => e.FilePath).Distinct().Count();
                notices.Add(edits.Count == 0
                    ? $"no noqa comment to add{(found.Count > 0 ? $": {found.Count} finding{(found.Count == 1 ? " has" : "s have")} no line a comment can go on (use per-file-ignores or ignore)" : string.Empty)}"
                    : $"added {edits.Count} noqa comment{(edits.Count == 1 ? string.Empty : "s")} to {files} file{(files == 1 ? string.Empty : "s")} ({suppressed.Count} finding{(suppressed.Count == 1 ? string.Empty : "s")})");
            }
            catch (FixRefusedException refused)
            {
                notices.Add($"noqa comments not added: {refused.Message}");
            }
        }
        else if (options.Fix)
        {
            var outcome = FixStage.Apply(target, settings, loaded, found, options.UnsafeFixes);
            (loaded, found) = (outcome.Loaded, outcome.Diagnostics);
            settled = outcome.Fixed;
            if (outcome.Refusal is { } refusal)
            {
                notices.Add($"fixes not applied: {refusal}");
            }
        }

        var deployment = loaded.Deployment;
        if (deployment.Facts.Git.Reason is { } noGit)
        {
            notices.Add(noGit);
        }

        if (deployment.Python is { } used && loaded.Interpreter is { } chosen)
        {
            notices.Add($"{InterpreterChoice.Describe(chosen.Path, chosen.Reason, used.Environment?.Python, used.Environment?.Executable)}, {used.Host} host" +
                        (used.FromCache ? ", answer reused (nothing it depends on changed; --no-cache imports again)" : string.Empty));
        }

        if (deployment.Rehearsal is { } rehearsal)
        {
            notices.Add(Rehearsal.RehearsalSummary.Describe(rehearsal));
        }

        if (TrackedBranch.Notice(settings, deployment.Directory) is { } otherBranch)
        {
            notices.Add(otherBranch);
        }

        if (options.Verbose)
        {
            var enabled = Rules.RuleCatalog.All.Count(r => settings.Selection.IsEnabled(r.Descriptor));
            notices.Add($"{deployment.Inventory.Count} deployable files, {enabled} rules enabled, {found.Count} problems, checked in {started.ElapsedMilliseconds} ms");
        }

        if (target.Commit is { InPlace: false } commit)
        {
            // Read from the commit's private copy, reported at the repository's paths.
            return new DeploymentOutcome(
                new DeploymentSummary(commit.ToRepository(deployment.Directory), loaded.Interpreter, notices.Select(commit.InMessage).ToList()), found.Select(commit.InRepository).ToList(), settled, diffs);
        }

        return new DeploymentOutcome(new DeploymentSummary(deployment.Directory, loaded.Interpreter, notices), found, settled, diffs);
    }

    /// <summary>The report stage: notices on stderr, the report in the chosen format, the exit code.</summary>
    private static int Report(
        CheckOptions options, TextWriter stdout, TextWriter stderr, List<DeploymentSummary> summaries, IReadOnlyList<Diagnostic> ordered, IReadOnlyList<Diagnostic> settled, List<string> diffs,
        CheckedCommit? commit)
    {
        if (options.Diff)
        {
            var text = string.Concat(diffs);
            Emit(options, stdout, text.Length == 0 ? "No fixes to apply.\n" : text);
            return options.ExitZero || diffs.Count == 0 ? 0 : 1;
        }

        var failing = ordered.Any(d => d.Severity >= options.FailLevel);
        var result = ReportSanitizer.ForReport(new CheckResult(summaries, ordered, settled, options.ExitZero || !failing ? 0 : 1) { Commit = CommitOf(commit, withRepository: options.Format == "sarif") });
        foreach (var summary in options.Quiet ? [] : result.Deployments)
        {
            foreach (var notice in summary.Notices)
            {
                stderr.WriteLine($"connect-lint: {DisplayPath.ForLine(summary.Directory)}: {notice}");
            }
        }

        var report = options.Statistics
            ? StatisticsReporter.Render(result, asJson: options.Format == "json")
            : ReportFormats.Render(options.Format, result);
        if (options.Quiet && options.Format is "text" or "concise" && !options.Statistics)
        {
            // ruff's -q: the diagnostics, nothing else.
            report = string.Concat(result.Diagnostics.Select(d => TextReporter.FormatLine(d) + "\n"));
        }

        if (options.ShowFixes && options.Format is "text" or "concise")
        {
            report += (report.Length > 0 ? "\n" : string.Empty) + FixesReporter.Render(result, applied: options.Fix);
        }

        Emit(options, stdout, report);
        return result.ExitCode;
    }

    /// <summary>What the reports say of the commit checked: its SHA, its name, and (for SARIF, which alone names it) the repository: its origin, credentials removed.</summary>
    private static CheckedRevision? CommitOf(CheckedCommit? commit, bool withRepository)
    {
        if (commit is null)
        {
            return null;
        }

        var origin = withRepository ? GitCli.Run(commit.RepositoryRoot, ["remote", "get-url", "origin"])?.Trim() : null;
        if (origin is not null && ScpLike().Match(origin) is { Success: true } scp)
        {
            origin = $"ssh://{scp.Groups["host"].Value}/{scp.Groups["path"].Value}"; // git@github.com:team/app.git
        }

        var repository = origin is { Length: > 0 } && Uri.TryCreate(origin, UriKind.Absolute, out var uri) && uri.Scheme is "https" or "http" or "ssh" or "git"
            ? new UriBuilder(uri) { UserName = string.Empty, Password = string.Empty }.Uri.AbsoluteUri
            : null; // a local path says something about the machine, not the repository
        return new CheckedRevision(commit.Sha, commit.Revision, repository) { ContentOf = commit.ToCopy };
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"^(?:[^@/\s]+@)?(?<host>[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+):(?<path>(?!/)[^\s]+)$")]
    private static partial System.Text.RegularExpressions.Regex ScpLike();

    private static void Emit(CheckOptions options, TextWriter stdout, string text)
    {
        if (options.Output is { } output)
        {
            try
            {
                AtomicFile.WriteText(output, OutputSafety.Text(text));
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                throw new UsageException($"--output {DisplayPath.ForLine(output)}: could not be written ({e.Message.TrimEnd('.')})");
            }
        }
        else
        {
            stdout.Write(text);
        }
    }
}
