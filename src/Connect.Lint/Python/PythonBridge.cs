using Connect.Lint.Rules.Model;
using Connect.Lint.Rules.Model.Manifest;
using Connect.Lint.Rules.Model.Python;

namespace Connect.Lint.Python;

/// <summary>How the Python-aware part of a check runs, with the interpreter the settings chose (null: none was found).</summary>
public sealed record PythonOptions(InterpreterChoice? Interpreter, IPythonHost Host, TimeSpan ImportTimeout, string? EntrypointOverride = null)
{
    /// <summary>Set when a rule about requirements needs import-name → distribution facts.</summary>
    public bool WantDistributions { get; init; }

    /// <summary>Static (ast) facts only: the project's code is parsed, never imported (write-manifest).</summary>
    public bool StaticOnly { get; init; }

    /// <summary>False with --no-cache: the installed distributions are read afresh and not kept.</summary>
    public bool UseCache { get; init; } = true;

    /// <summary>The Vars Connect sets ([tool.connect-lint] vars): a placeholder for each one this environment lacks.</summary>
    public IReadOnlyList<string> Vars { get; init; } = [];
}

/// <summary>Chooses the entrypoint for a deployment and runs the bridge with the settings' interpreter in the chosen host.</summary>
public static class PythonBridge
{
    private const long MaxSourceBytes = 1024 * 1024;
    private const int MaxSources = 5000;

    /// <summary>A source the bridge may parse: a regular file of the deployment (a FIFO would block it), not too large.</summary>
    private static bool IsParsable(Loading.FileAccessPolicy policy, string relative)
    {
        var full = Path.Combine(policy.Root, relative);
        return policy.Refusal(full, vetted: true) is null && new FileInfo(full) is { Exists: true, Length: <= MaxSourceBytes };
    }

    /// <param name="dependsOn">The deployment's files whose change makes an earlier answer stale (the answer cache); null: no caching.</param>
    public static (PythonFacts? Facts, string? Unavailable) Run(
        Loading.FileAccessPolicy policy, ConnectManifest? manifest, IReadOnlyList<string> inventory, PythonOptions options, IReadOnlyList<string>? dependsOn = null)
    {
        var directory = policy.Root;
        if (options.Interpreter is not { } interpreter)
        {
            return (null, InterpreterLocator.NoneFound);
        }

        if (!File.Exists(interpreter.Path))
        {
            return (null, $"interpreter {interpreter.Path} ({interpreter.Reason}) does not exist");
        }

        var entrypoint = options.EntrypointOverride
                         ?? (manifest?.Entrypoint?.Value is { } listed && Entrypoint.SyntaxProblem(listed) is null ? listed : null)
                         ?? EntrypointInference.Infer(inventory, policy.SourceOf)
                         ?? "app";
        var sources = inventory
            .Where(p => p.EndsWith(".py", StringComparison.Ordinal) && IsParsable(policy, p))
            .Take(MaxSources)
            .ToList();
        try
        {
            var cached = options.WantDistributions && options.UseCache ? Caching.PackageCache.Read(interpreter.Path) : null;
            var useAnswerCache = options.UseCache && dependsOn is not null && !options.StaticOnly && !Caching.FactsCache.IsLauncherScript(interpreter.Path);
            var request = new BridgeRequest(interpreter, directory, entrypoint, sources, options.ImportTimeout)
            {
                StaticOnly = options.StaticOnly,
                WantPackages = options.WantDistributions,
                WantEnvironmentKey = useAnswerCache,
                UseCache = options.UseCache,
                KnownPackagesKey = cached?.Key,
                Vars = options.Vars,
            };
            var cacheInputs = useAnswerCache ? new Caching.FactsCache.Inputs(request, options.Host.Name, directory, dependsOn!) : null;
            var warmUp = Task.Run(BridgeAnswer.WarmUp);
            var reused = cacheInputs is null ? null : Caching.FactsCache.Lookup(cacheInputs);
            Trace.Mark(reused is null ? "answer cache: miss" : "answer cache: hit");
            var facts = reused ?? options.Host.Run(request);
            warmUp.Wait();
            if (reused is null && cacheInputs is not null)
            {
                Caching.FactsCache.Store(cacheInputs, facts, facts.AnswerLines);
            }

            if (options.WantDistributions)
            {
                facts = WithPackages(facts, interpreter, cached, options.UseCache);
            }
            if (facts.Environment is null && facts.Import is null && !facts.TimedOut)
            {
                var detail = facts.StderrTail.Split('\n', StringSplitOptions.RemoveEmptyEntries).LastOrDefault()?.Trim();
                return (null, $"interpreter {interpreter.Path} ({interpreter.Reason}) did not run the bridge" + (detail is null ? string.Empty : $": {detail}"));
            }

            return (facts, null);
        }
        catch (Exception e) when (e is System.ComponentModel.Win32Exception or IOException or System.Text.Json.JsonException)
        {
            return (null, $"interpreter {interpreter.Path} could not be run: {e.Message}");
        }
    }

    /// <summary>
    /// The installed distributions from the bridge's answer, from the cache when the bridge found the environment
    /// unchanged, or, when the import never let it answer (a hang, a crash), from a query of their own.
    /// </summary>
    private static PythonFacts WithPackages(PythonFacts facts, InterpreterChoice interpreter, Caching.PackageCache.Entry? cached, bool useCache)
    {
        switch (facts.PackagesAnswer)
        {
            case { InstalledJson: { } installed } answer:
                if (useCache && facts.Packages is not null)
                {
                    Caching.PackageCache.Write(interpreter.Path, answer.EnvironmentKey, installed);
                }

                return facts;
            case { } unchanged when cached is not null && SameJson(unchanged.EnvironmentKey, cached.Key):
                return facts with { Packages = PackageQuery.Parse(cached.Installed) };
            default:
                return facts with { Packages = PackageQuery.Run(interpreter) };
        }
    }

    private static bool SameJson(string left, string right)
    {
        using var a = System.Text.Json.JsonDocument.Parse(left);
        using var b = System.Text.Json.JsonDocument.Parse(right);
        return System.Text.Json.JsonElement.DeepEquals(a.RootElement, b.RootElement);
    }
}
