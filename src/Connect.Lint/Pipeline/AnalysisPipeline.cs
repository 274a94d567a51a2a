using Connect.Lint.Loading;
using Connect.Lint.Python;
using Connect.Lint.Rules;
using Connect.Lint.Rules.Analysis;
using Connect.Lint.Rules.Model;
using Connect.Lint.Rules.Model.Python;
using Connect.Lint.Settings;

namespace Connect.Lint.Pipeline;

/// <summary>A deployment as loaded, with the interpreter that answered for it (if any).</summary>
public sealed record LoadedDeployment(Deployment Deployment, InterpreterChoice? Interpreter);

/// <summary>
/// The stages every command goes through, in order: discover → resolve settings → load (files, Git, Python) →
/// analyse → fix → report. <c>check</c>, <c>inspect</c> and the coming language server and <c>--watch</c> call
/// these and nothing below them. No stage knows a rule by its ID: what to load follows from the enabled rules' needs.
/// </summary>
public static class AnalysisPipeline
{
    /// <summary>Discover: the deployment directories below the named paths (or that named files are in).</summary>
    /// <param name="outsideDeployments">Named files that are in no deployment.</param>
    public static IReadOnlyList<DeploymentTarget> Discover(IReadOnlyList<string> paths, out IReadOnlyList<string> outsideDeployments) =>
        DeploymentDiscovery.Find(paths.Count == 0 ? ["."] : paths, out outsideDeployments);

    /// <summary>Resolve settings: defaults, the nearest [tool.connect-lint], the command line.</summary>
    public static DeploymentSettings ResolveSettings(DeploymentTarget target, CommandLineSettings commandLine) =>
        SettingsResolver.For(target.Directory, commandLine);

    /// <summary>
    /// Load: the files, and the costly facts (Git, the import, installed distributions, the interpreter's versions)
    /// only when an enabled rule needs them. <paramref name="reusePython"/> skips the import (see <see cref="FixStage"/>);
    /// <paramref name="without"/> leaves facts out whatever the rules need (inspect does not ask for installed distributions).
    /// </summary>
    public static LoadedDeployment Load(DeploymentTarget target, DeploymentSettings settings, PythonFacts? reusePython = null, RuleNeeds without = RuleNeeds.None)
    {
        var enabled = RuleCatalog.All.Where(r => settings.Selection.IsEnabled(r.Descriptor)).ToList();
        var needs = enabled.Aggregate(RuleNeeds.None, (all, rule) => all | rule.Descriptor.Needs) & ~without;
        var deployment = DeploymentLoader.Load(
            target, settings.Exclude.Value, settings.Bridge(wantDistributions: needs.HasFlag(RuleNeeds.InstalledPackages)), settings.ConfigExclusions,
            readGit: needs.HasFlag(RuleNeeds.Git), reusePython: reusePython) with
        {
            ServerPythonVersions = settings.ServerPythonVersions.Value,
        };
        if (deployment.GitUnavailableReason is { } noGit)
        {
            var skipped = enabled.Where(r => r.Descriptor.Needs.HasFlag(RuleNeeds.Git)).Select(r => r.Descriptor.Id);
            deployment = deployment with { GitUnavailableReason = $"{noGit}: what Git would commit was not checked ({string.Join(", ", skipped)})" };
        }

        var interpreter = deployment.Python is { } facts ? new InterpreterChoice(facts.Interpreter, facts.InterpreterReason) : null;

        // Some needs show only once the files are known (a missing manifest needs the interpreter's versions).
        var lateNeeds = enabled.Aggregate(RuleNeeds.None, (all, rule) => all | rule.NeedsFor(deployment));
        if (lateNeeds.HasFlag(RuleNeeds.InterpreterVersions))
        {
            (deployment, interpreter) = WithInterpreterVersions(deployment, settings, interpreter);
        }

        if (needs.HasFlag(RuleNeeds.Rehearsal) && settings.Rehearsal is { } rehearsal && deployment.Manifest?.IsConnectManifest != false)
        {
            interpreter ??= InterpreterLocator.Locate(deployment.Directory, settings.Python.Value, Environment.GetEnvironmentVariable, settings.Python.Source);
            if (interpreter is not null)
            {
                var entrypoint = deployment.Python?.Entrypoint ?? deployment.Manifest?.Entrypoint?.Value ?? "app";
                deployment = deployment with { Rehearsal = Rehearsal.DeployRehearsal.Run(deployment, interpreter, entrypoint, rehearsal) };
            }
        }

        Trace.Mark("loaded");
        return new LoadedDeployment(deployment, interpreter);
    }

    /// <summary>Analyse: the enabled rules, suppressions, severities and per-file-ignores.</summary>
    public static IReadOnlyList<Diagnostic> Analyse(Deployment deployment, DeploymentSettings settings) =>
        LintEngine.Analyze(deployment, settings);

    /// <summary>The interpreter's versions and the declared python requires; the import's answer when it ran, else a short query.</summary>
    private static (Deployment, InterpreterChoice?) WithInterpreterVersions(Deployment deployment, DeploymentSettings settings, InterpreterChoice? interpreter)
    {
        deployment = deployment with { PythonRequires = PythonRequiresSource.Find(deployment.Directory) };
        if (deployment.Python?.Environment is not null)
        {
            return (deployment, interpreter);
        }

        interpreter ??= InterpreterLocator.Locate(deployment.Directory, settings.Python.Value, Environment.GetEnvironmentVariable, settings.Python.Source);
        if (interpreter is null)
        {
            return (deployment with { InterpreterEnvironmentUnavailableReason = "no Python interpreter found; pass --python" }, null);
        }

        var python = PythonEnvironmentQuery.Run(interpreter, TimeSpan.FromSeconds(30), out var problem);
        return (deployment with { InterpreterEnvironment = python?.Facts, InterpreterEnvironmentUnavailableReason = problem }, interpreter);
    }
}
