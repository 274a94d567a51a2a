using Connect.Lint.Configuration;
using Microsoft.Extensions.FileSystemGlobbing;
using Connect.Lint.Engine;
using Connect.Lint.Fixing;
using Connect.Lint.Loading;
using Connect.Lint.Output;
using Connect.Lint.Python;
using Connect.Lint.Reporting;
using Connect.Lint.Rules.Analysis;
using Connect.Lint.Rules.Model;

namespace Connect.Lint.Commands;

public sealed record CheckOptions
{
    public IReadOnlyList<string> Paths { get; init; } = ["."];
    public string? Python { get; init; }
    public bool Fix { get; init; }
    public bool UnsafeFixes { get; init; }
    public bool Diff { get; init; }
    public IReadOnlyList<string> Select { get; init; } = [];
    public IReadOnlyList<string> Ignore { get; init; } = [];
    public IReadOnlyList<string> Exclude { get; init; } = [];
    public bool ExitZero { get; init; }
    public string Format { get; init; } = "text";
    public string? Output { get; init; }
    public Severity FailLevel { get; init; } = Severity.Warning;

    /// <summary>The Python bridge's host and timeout; null runs no Python at all.</summary>
    public PythonOptions? PythonBridge { get; init; }
}

/// <summary><c>connect-lint check</c>: find deployments, analyse them, fix if asked, report, choose the exit code.</summary>
public static class CheckCommand
{
    private const int MaxFixRounds = 10;

    /// <summary>Rules that need the installed distributions (a second, parallel query of the interpreter).</summary>
    private static readonly HashSet<string> PackageRules = ["CL3001", "CL3003", "CL3004", "CL3008"];

    public static int Run(CheckOptions options, TextWriter stdout, TextWriter stderr)
    {
        var cliSelection = new RuleSelection(options.Select, options.Ignore);
        var unknown = cliSelection.UnknownSelectors(Rules.RuleCatalog.All.Select(r => r.Descriptor.Id)).ToList();
        if (unknown.Count > 0)
        {
            throw new UsageException($"unknown rule selector {string.Join(", ", unknown)} (see 'connect-lint rules')");
        }

        var targets = DeploymentDiscovery.Find(options.Paths.Count == 0 ? ["."] : options.Paths);
        var summaries = new List<DeploymentSummary>();
        var diagnostics = new List<Diagnostic>();
        var fixedCount = 0;
        var diffs = new List<string>();
        foreach (var target in targets)
        {
            // The nearest [tool.connect-lint] applies; the command line adds to it (--ignore) or replaces it (--select).
            var config = ConfigLoader.ForDirectory(target.Directory);
            var selection = new RuleSelection(options.Select.Count > 0 ? options.Select : config.Select, [.. config.Ignore, .. options.Ignore]);
            var python = options.Python ?? (config.Python is { } configured ? Path.GetFullPath(Path.Combine(config.Directory, configured)) : null);
            var bridge = options.PythonBridge is { } chosen
                ? chosen with
                {
                    ExplicitPython = chosen.ExplicitPython ?? python,
                    ExplicitReason = chosen.ExplicitPython is null && python is not null ? "[tool.connect-lint] python" : chosen.ExplicitReason,
                    WantDistributions = Rules.RuleCatalog.All.Any(r => PackageRules.Contains(r.Descriptor.Id) && selection.IsEnabled(r.Descriptor)),
                }
                : null;
            var exclusions = new ConfigExclusions(config.Directory, config.Exclude);
            var notices = new List<string>();
            InterpreterChoice? interpreter = null;
            Deployment Load()
            {
                var deployment = DeploymentLoader.Load(target, options.Exclude, bridge, exclusions) with
                {
                    ServerPythonVersions = config.ServerPythonVersions,
                };
                if (deployment.Python is { } facts)
                {
                    interpreter = new InterpreterChoice(facts.Interpreter, facts.InterpreterReason);
                }

                return ProposeManifestIfMissing(deployment, options with { Python = python }, selection, notices, ref interpreter);
            }

            var current = Load();
            Trace.Mark("loaded");
            var found = Analyze(current, selection, config);
            var initial = found;
            try
            {
                if (options.Diff)
                {
                    var (_, edits) = FixPlanner.Plan(found, options.UnsafeFixes);
                    foreach (var change in FixTransaction.Plan(current, edits))
                    {
                        diffs.Add(UnifiedDiff.Create(DisplayPath.Of(change.Path), change.Before, change.After));
                    }
                }
                else if (options.Fix)
                {
                    for (var round = 0; round < MaxFixRounds; round++)
                    {
                        var (_, edits) = FixPlanner.Plan(found, options.UnsafeFixes);
                        if (edits.Count == 0)
                        {
                            break;
                        }

                        FixTransaction.Apply(current, edits);
                        current = Load();
                        found = Analyze(current, selection, config);
                    }
                }
            }
            catch (FixRefusedException refused)
            {
                notices.Add($"fixes not applied: {refused.Message}");
            }

            if (options.Fix)
            {
                // A fix may settle more than its own diagnostic (regenerating files also updates checksums).
                var remaining = found.Select(Key).ToHashSet();
                fixedCount += initial.Count(d => d.Fix is not null && !remaining.Contains(Key(d)));
            }

            if (current.GitUnavailableReason is { } noGit)
            {
                notices.Add(noGit);
            }

            if (current.Python is { } used)
            {
                notices.Add($"Python {used.Environment?.Python ?? "?"} at {used.Interpreter} ({used.InterpreterReason}), {used.Host} host");
            }

            diagnostics.AddRange(found);
            summaries.Add(new DeploymentSummary(current.Directory, interpreter, notices));
        }

        Trace.Mark("analysed");
        var ordered = LintEngine.Order(diagnostics);
        if (options.Diff)
        {
            var text = string.Concat(diffs);
            Emit(options, stdout, text.Length == 0 ? "No fixes to apply.\n" : text);
            return options.ExitZero || diffs.Count == 0 ? 0 : 1;
        }

        var failing = ordered.Any(d => d.Severity >= options.FailLevel);
        var result = ReportSanitizer.ForReport(new CheckResult(summaries, ordered, fixedCount, options.ExitZero || !failing ? 0 : 1));
        foreach (var summary in result.Deployments)
        {
            foreach (var notice in summary.Notices)
            {
                stderr.WriteLine($"connect-lint: {DisplayPath.ForLine(summary.Directory)}: {notice}");
            }
        }

        Emit(options, stdout, options.Format switch
        {
            "json" => JsonReporter.Render(result, ToolInfo.Version),
            "sarif" => SarifReporter.Render(result, ToolInfo.Version),
            "github" => GitHubReporter.Render(result),
            _ => TextReporter.Render(result),
        });
        return result.ExitCode;
    }

    /// <summary>The rules, then per-file-ignores of the configuration.</summary>
    private static IReadOnlyList<Diagnostic> Analyze(Deployment deployment, RuleSelection selection, ProjectConfig config)
    {
        var diagnostics = LintEngine.Analyze(deployment, selection, config.Severity);
        if (config.PerFileIgnores.Count == 0)
        {
            return diagnostics;
        }

        var matchers = config.PerFileIgnores.Select(p =>
        {
            var matcher = new Matcher(StringComparison.Ordinal);
            matcher.AddInclude(p.Glob);
            return (matcher, p.Codes);
        }).ToList();
        return diagnostics.Where(d =>
        {
            var relative = Path.GetRelativePath(config.Directory, d.Location.FilePath).Replace('\\', '/');
            return !matchers.Any(m => m.Codes.Any(code => code == "ALL" || d.Id.StartsWith(code, StringComparison.Ordinal)) && m.matcher.Match(relative).HasMatches);
        }).ToList();
    }

    private static (string, string, int, int, string) Key(Diagnostic d) =>
        (d.Id, d.Location.FilePath, d.Location.Line, d.Location.Column, d.Message);

    /// <summary>CL1001's fix needs a whole manifest, which needs the interpreter's versions: asked only then.</summary>
    private static Deployment ProposeManifestIfMissing(
        Deployment deployment, CheckOptions options, RuleSelection selection, List<string> notices, ref InterpreterChoice? interpreter)
    {
        if (deployment.ManifestLoad.Exists || !selection.IsEnabled(new Rules.Manifest.ManifestMissing().Descriptor))
        {
            return deployment;
        }

        PythonEnvironment? python;
        string? problem = null;
        if (deployment.Python?.Environment is { } known)
        {
            python = PythonEnvironment.From(deployment.Python.Interpreter, deployment.Python.InterpreterReason, known);
        }
        else
        {
            interpreter ??= InterpreterLocator.Locate(deployment.Directory, options.Python, Environment.GetEnvironmentVariable);
            if (interpreter is null)
            {
                return deployment with { ProposedManifestUnavailableReason = "no Python interpreter found; pass --python" };
            }

            python = PythonEnvironmentQuery.Run(interpreter, TimeSpan.FromSeconds(30), out problem);
        }

        if (python is null)
        {
            return deployment with { ProposedManifestUnavailableReason = problem };
        }

        try
        {
            var generated = ManifestGenerator.Generate(deployment, python, entrypointOverride: null,
                () => ManifestGenerator.EntrypointFromStaticFacts(deployment.Python));
            return deployment with { ProposedManifest = generated.Text };
        }
        catch (UsageException e)
        {
            return deployment with { ProposedManifestUnavailableReason = e.Message };
        }
    }

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
