using System.Diagnostics;
using Connect.Lint.Output;
using Connect.Lint.Python;
using Connect.Lint.Rules.Model;
using Connect.Lint.Rules.Model.Rehearsal;

namespace Connect.Lint.Rehearsal;

/// <summary>What the rehearsal runs with: how much of it, and its time limits.</summary>
public sealed record RehearsalOptions(RehearsalMode Mode, TimeSpan InstallTimeout, TimeSpan ImportTimeout, bool UseCache)
{
    /// <summary>The Vars Connect sets: the fresh environment's import sees them as the check's does.</summary>
    public IReadOnlyList<string> Vars { get; init; } = [];
}

/// <summary>
/// `check --rehearse`: what Connect does at deploy time, before the push. A fresh environment from the chosen interpreter
/// with the manifest's package file installed by pip (<see cref="RehearsalEnvironment"/>), the bridge's import of the
/// entrypoint inside it and, unless --rehearse=import, one request to every parameterless GET route through the app's own
/// WSGI interface under a Connect-style path prefix. Nothing is written into the project.
/// </summary>
public static class DeployRehearsal
{
    /// <summary>The path prefix the requests are made under, shaped like Connect's /content/&lt;guid&gt;.</summary>
    public const string Prefix = "/content/00000000-c0de-4000-8000-000000000000";

    private static readonly TimeSpan PerRequest = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan RequestBudget = TimeSpan.FromSeconds(30);

    public static RehearsalFacts? Run(Deployment deployment, InterpreterChoice interpreter, string entrypoint, RehearsalOptions options)
    {
        var facts = new RehearsalFacts { BaseInterpreter = interpreter.Path, PackageFile = deployment.PackageFile };
        if (deployment.Requirements.Count == 0)
        {
            return facts with { Incomplete = $"there is no {deployment.PackageFile} to install (Connect's deploy would stop there too)" };
        }

        var request = new EnvironmentRequest(
            interpreter.Path, deployment.Directory, deployment.PackageFile,
            deployment.Requirements.Select(f => (f.FilePath, f.Source.Text)).ToList(), options.InstallTimeout, options.UseCache)
        {
            LocalPaths = deployment.Requirements.SelectMany(f => f.Requirements)
                .Where(r => r.LocalPath is not null)
                .Select(r => new LocalPathLine(Path.GetRelativePath(deployment.Directory, r.FilePath).Replace('\\', '/'), r.Span.Line, r.LocalPath!))
                .ToList(),
        };
        using var environment = RehearsalEnvironment.Prepare(request);
        facts = facts with
        {
            EnvironmentReused = environment.Reused,
            PythonVersion = environment.PythonVersion,
            InstallProblems = environment.Problems,
            Incomplete = environment.Failure,
            EnvironmentSeconds = environment.EnvironmentSeconds,
            InstallSeconds = environment.InstallSeconds,
        };
        Trace.Mark(environment.Reused ? "rehearsal: environment reused" : "rehearsal: environment made");
        if (environment.Failure is not null || environment.Problems.Count > 0)
        {
            return facts;
        }

        var clock = Stopwatch.StartNew();
        ProgressLine.Activity($"importing {entrypoint} in the fresh environment");
        var serve = options.Mode == RehearsalMode.Full ? new ServeRequest(Prefix, PerRequest, RequestBudget) : null;
        var bridge = new BridgeRequest(new InterpreterChoice(environment.Python, "the rehearsal's fresh environment"), deployment.Directory, entrypoint, [],
            options.ImportTimeout + (serve is null ? TimeSpan.Zero : serve.Budget + PerRequest))
        {
            Serve = serve,
            OwnProcess = true,
            UseCache = options.UseCache,
            Vars = options.Vars,
        };
        var imported = new ProcessHost().Run(bridge);
        ProgressLine.Activity(null);
        Trace.Mark("rehearsal: imported");
        facts = facts with
        {
            Import = imported,
            Served = imported.Served,
            ImportSeconds = clock.Elapsed.TotalSeconds,
            PythonVersion = imported.Environment?.Python ?? facts.PythonVersion,
        };
        if (imported.TimedOut)
        {
            return facts with { Incomplete = $"the import of {entrypoint} (and the requests) in the fresh environment did not finish in {bridge.Timeout.TotalSeconds:0} s" };
        }

        if (imported.Import is null)
        {
            var detail = imported.StderrTail.Split('\n', StringSplitOptions.RemoveEmptyEntries).LastOrDefault()?.Trim();
            return facts with { Incomplete = $"the fresh environment's interpreter did not run the import" + (detail is null ? string.Empty : $": {Redaction.Redact(detail)}") };
        }

        if (serve is not null && imported.Import.App is not null && imported.Served is null)
        {
            return facts with { Incomplete = $"the process ended while the routes were requested (exit code {imported.HardExitCode?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "unknown"}): a route exits or crashes the interpreter" };
        }

        return facts;
    }
}
