using System.Collections.Concurrent;
using Connect.Lint.Fixing;
using Connect.Lint.Loading;
using Connect.Lint.Pipeline;
using Connect.Lint.Rules.Analysis;
using Connect.Lint.Settings;
using StreamJsonRpc;
using StreamJsonRpc.Protocol;

namespace Connect.Lint.Server;

/// <summary>
/// <c>connect-lint server</c>'s requests and notifications: every opened or saved file has its deployment checked
/// (debounced, one check at a time, the same rules, settings and suppressions as <c>check</c>), and diagnostics are
/// published for every file of the deployment; fixes come back as code actions.
/// </summary>
public sealed class LanguageServer
{
    /// <summary>Saves in quick succession (format-on-save, a save-all) make one check.</summary>
    private static readonly TimeSpan Debounce = TimeSpan.FromMilliseconds(50);

    /// <summary>The rule whose problem write-manifest fixes (a missing manifest.json): its diagnostics get that command as a code action.</summary>
    private static readonly DiagnosticDescriptor WrittenByWriteManifest = Rules.RuleCatalog.All.OfType<Rules.Manifest.ManifestMissing>().Single().Descriptor;

    /// <summary>An import slower than this gets the files' own diagnostics published first (the import may hang until its timeout).</summary>
    private static readonly TimeSpan SlowImport = TimeSpan.FromSeconds(1);

    public const string WriteManifestCommand = "connect-lint.writeManifest";
    public const string FixAllKind = "source.fixAll.connect-lint";

    /// <summary>One check at a time per deployment; deployments do not wait for each other (one import may hang).</summary>
    private readonly ConcurrentDictionary<string, SemaphoreSlim> _checking = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, CancellationTokenSource> _pending = new(StringComparer.Ordinal);
    /// <summary>What code actions are made from, per deployment: the newest diagnostics published (a slow import's interim ones too).</summary>
    private readonly ConcurrentDictionary<string, IReadOnlyList<Diagnostic>> _found = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, HashSet<string>> _published = new(StringComparer.Ordinal);
    private readonly TaskCompletionSource _exited = new();
    private JsonRpc? _rpc;
    private IReadOnlyList<string> _workspaceFolders = [];
    /// <summary>
    /// The work tree's difference from the commit ("this check describes the work tree") is left out: an editor shows
    /// the work tree by nature, and the note would sit on every file being edited.
    /// </summary>
    private CommandLineSettings _settings = CommandLineSettings.None with
    {
        Ignore = [Rules.RuleCatalog.All.OfType<Rules.Git.WorkTreeDiffers>().Single().Descriptor.Id],
    };

    /// <summary>Whether checks fork a warm interpreter (said in the server's log at start).</summary>
    public bool WarmPython { get; set; }

    /// <summary>Completes when the client sent exit.</summary>
    public Task Exited => _exited.Task;

    public void Attach(JsonRpc rpc) => _rpc = rpc;

    [JsonRpcMethod("initialize", UseSingleObjectParameterDeserialization = true)]
    public object Initialize(InitializeParams request)
    {
        RefuseAfterShutdown();
        _workspaceFolders = (request.WorkspaceFolders?.Select(f => f.Uri) ?? (request.RootUri is { } root ? [root] : []))
            .Select(LspConversions.PathOf).OfType<string>().ToList();
        // initializationOptions: {"importTimeout": seconds}, as check's --import-timeout.
        if (request.InitializationOptions is { ValueKind: System.Text.Json.JsonValueKind.Object } options
            && options.TryGetProperty("importTimeout", out var timeout) && timeout.TryGetDouble(out var seconds) && SettingsResolver.ImportTimeoutProblem(seconds) is null)
        {
            _settings = _settings with { ImportTimeoutSeconds = seconds };
        }
        return new
        {
            capabilities = new
            {
                textDocumentSync = new { openClose = true, change = 0, save = new { includeText = false } },
                codeActionProvider = new { codeActionKinds = new[] { "quickfix", FixAllKind } },
                executeCommandProvider = new { commands = new[] { WriteManifestCommand } },
            },
            serverInfo = new { name = "connect-lint", version = ToolInfo.Version },
        };
    }

    /// <summary>Every deployment of the workspace is checked once, so problems show before any file is opened.</summary>
    [JsonRpcMethod("initialized")]
    public void Initialized() =>
        _ = Task.Run(async () =>
        {
            await Notify("window/logMessage", new MessageParams(3, WarmPython
                ? "connect-lint: imports run in a fork of a warm interpreter per Python (fork server)"
                : "connect-lint: imports run in a new Python process each time (no fork server: not Linux, or CONNECT_LINT_NO_FORK_SERVER=1)")).ConfigureAwait(false);
            foreach (var target in _workspaceFolders.Count == 0 ? [] : DeploymentDiscovery.Find(_workspaceFolders))
            {
                await CheckAsync(target.Directory).ConfigureAwait(false);
            }
        });

    [JsonRpcMethod("textDocument/didOpen", UseSingleObjectParameterDeserialization = true)]
    public void DidOpen(DidOpenTextDocumentParams request) => Schedule(request.TextDocument.Uri);

    [JsonRpcMethod("textDocument/didSave", UseSingleObjectParameterDeserialization = true)]
    public void DidSave(DidSaveTextDocumentParams request) => Schedule(request.TextDocument.Uri);

    [JsonRpcMethod("textDocument/didClose", UseSingleObjectParameterDeserialization = true)]
    public void DidClose(DidCloseTextDocumentParams request)
    {
        // Diagnostics stay: they are about the deployment, not about what the editor shows.
    }

    [JsonRpcMethod("workspace/didChangeWatchedFiles", UseSingleObjectParameterDeserialization = true)]
    public void DidChangeWatchedFiles(DidChangeWatchedFilesParams request)
    {
        foreach (var change in request.Changes)
        {
            Schedule(change.Uri);
        }
    }

    [JsonRpcMethod("textDocument/codeAction", UseSingleObjectParameterDeserialization = true)]
    public IReadOnlyList<CodeAction> CodeAction(CodeActionParams request)
    {
        RefuseAfterShutdown();
        var path = LspConversions.PathOf(request.TextDocument.Uri);
        var deployment = path is null ? null : DeploymentOf(path);
        if (path is null || deployment is null || !_found.TryGetValue(deployment, out var found))
        {
            return [];
        }

        var actions = new List<CodeAction>();
        var only = request.Context?.Only;
        var asked = request.Range is { Start: not null, End: not null } range ? range : new Range(new Position(0, 0), new Position(int.MaxValue, 0)); // no range: the whole file
        if (only is null || only.Contains("quickfix"))
        {
            foreach (var diagnostic in found.Where(d => d.Fix is { Edits.Count: > 0 } && d.Location.FilePath == path))
            {
                var lsp = LspConversions.DiagnosticOf(diagnostic);
                if (LspConversions.Overlaps(lsp.Range, asked))
                {
                    var unsafeFix = diagnostic.Fix!.Safety == FixAvailability.Unsafe;
                    actions.Add(new CodeAction($"{diagnostic.Fix.Title} ({diagnostic.Id}{(unsafeFix ? ", unsafe" : string.Empty)})", "quickfix", [lsp],
                        LspConversions.EditOf(diagnostic.Fix.Edits), null, !unsafeFix));
                }
            }
        }

        if (only is null || only.Any(kind => kind is "source" or "source.fixAll" or FixAllKind))
        {
            var (_, edits) = FixPlanner.Plan(found, includeUnsafe: false);
            if (edits.Count > 0)
            {
                actions.Add(new CodeAction("Fix all safely fixable connect-lint problems", FixAllKind, null, LspConversions.EditOf(edits), null, false));
            }
        }

        if (found.Any(d => d.Descriptor == WrittenByWriteManifest))
        {
            actions.Add(new CodeAction("Write manifest.json (connect-lint write-manifest)", "quickfix", null, null,
                new Command("Write manifest.json", WriteManifestCommand, [LspConversions.UriOf(deployment)]), false));
        }

        return actions;
    }

    [JsonRpcMethod("workspace/executeCommand", UseSingleObjectParameterDeserialization = true)]
    public async Task<object?> ExecuteCommand(ExecuteCommandParams request)
    {
        RefuseAfterShutdown();
        if (request.Command != WriteManifestCommand || request.Arguments is not [var argument, ..] || LspConversions.PathOf(argument.GetString() ?? string.Empty) is not { } directory)
        {
            return null;
        }

        var said = new StringWriter();
        try
        {
            Commands.WriteManifestCommand.Run(new Commands.WriteManifestOptions { Directory = directory, Overwrite = true }, said);
            await Show(3, said.ToString().Split('\n')[0]).ConfigureAwait(false);
        }
        catch (UsageException e)
        {
            await Show(1, $"connect-lint write-manifest: {e.Message}").ConfigureAwait(false);
        }

        await CheckAsync(directory).ConfigureAwait(false);
        return null;
    }

    [JsonRpcMethod("shutdown")]
    public object? Shutdown()
    {
        RefuseAfterShutdown();
        ShutDown = true;
        return null;
    }

    /// <summary>Whether the client asked for shutdown: every request after it is refused, and only exit is honoured.</summary>
    public bool ShutDown { get; private set; }

    /// <summary>JSON-RPC's answer to a message that is not JSON (<see cref="LspMessageHandler"/>).</summary>
    [JsonRpcMethod(LspMessageHandler.ParseErrorMethod)]
    public void ParseError() => throw new LocalRpcException("Parse error: the message is not JSON") { ErrorCode = (int)JsonRpcErrorCode.ParseError };

    /// <summary>JSON-RPC's answer to JSON that is not a JSON-RPC message (<see cref="LspMessageHandler"/>).</summary>
    [JsonRpcMethod(LspMessageHandler.InvalidRequestMethod)]
    public void InvalidRequest() => throw new LocalRpcException("Invalid Request: the message is not a JSON-RPC request, notification or response") { ErrorCode = (int)JsonRpcErrorCode.InvalidRequest };

    private void RefuseAfterShutdown()
    {
        if (ShutDown)
        {
            throw new LocalRpcException("the server is shutting down: only 'exit' is accepted") { ErrorCode = (int)JsonRpcErrorCode.InvalidRequest };
        }
    }

    [JsonRpcMethod("exit")]
    public void Exit() => _exited.TrySetResult();

    /// <summary>The deployment a file is in (or the directory a file names, for a watched deletion).</summary>
    private static string? DeploymentOf(string path)
    {
        try
        {
            var existing = File.Exists(path) || Directory.Exists(path) ? path : Path.GetDirectoryName(path)!;
            return DeploymentDiscovery.Find([existing], out _).FirstOrDefault()?.Directory;
        }
        catch (UsageException)
        {
            return null;
        }
    }

    private void Schedule(string uri)
    {
        if (ShutDown || LspConversions.PathOf(uri) is not { } path || DeploymentOf(path) is not { } deployment)
        {
            return;
        }

        var cancel = new CancellationTokenSource();
        if (_pending.TryRemove(deployment, out var earlier))
        {
            earlier.Cancel();
        }

        _pending[deployment] = cancel;
        _ = Task.Run(async () =>
        {
            try
            {
                await Task.Delay(Debounce, cancel.Token).ConfigureAwait(false);
                await CheckAsync(deployment).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                // a newer change of the same deployment replaced this check
            }
        });
    }

    /// <summary>
    /// Runs the pipeline for one deployment and publishes every file's diagnostics (empty for files that had some).
    /// When the import is slow, the diagnostics that need no Python are published first, so a hanging import (cut
    /// at the import timeout, as in check) never leaves the editor without the files' own problems.
    /// </summary>
    private async Task CheckAsync(string directory)
    {
        var gate = _checking.GetOrAdd(directory, _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync().ConfigureAwait(false);
        try
        {
            var target = new DeploymentTarget(directory, true);
            var settings = AnalysisPipeline.ResolveSettings(target, _settings);
            var full = Task.Run(() => Analyse(target, settings));
            if (settings.RunPython.Value && await Task.WhenAny(full, Task.Delay(SlowImport)).ConfigureAwait(false) != full)
            {
                var withoutPython = settings with { RunPython = new Setting<bool>(false, "the import is still running") };
                await PublishAsync(directory, Analyse(target, withoutPython)).ConfigureAwait(false);
            }

            await PublishAsync(directory, await full.ConfigureAwait(false)).ConfigureAwait(false);
        }
        catch (Exception e) when (e is UsageException or Configuration.ConfigException or IOException or UnauthorizedAccessException)
        {
            await Show(1, $"connect-lint: {Reporting.DisplayPath.Of(directory)}: {e.Message}").ConfigureAwait(false);
        }
        finally
        {
            gate.Release();
        }
    }

    private static List<Diagnostic> Analyse(DeploymentTarget target, DeploymentSettings settings)
    {
        var loaded = AnalysisPipeline.Load(target, settings);
        return AnalysisPipeline.Analyse(loaded.Deployment, settings).Select(Output.ReportSanitizer.ForReport).ToList();
    }

    /// <summary>
    /// Publishes, and keeps what code actions are made from: the newest diagnostics, so while a slow import runs the
    /// quick fixes are the interim ones, made from the files as they are now (a checksum of the file just saved), never
    /// an earlier complete check's, whose edits were made for text that has changed since. Checks of one deployment
    /// take turns, so the newest publish is the newest check.
    /// </summary>
    private async Task PublishAsync(string directory, List<Diagnostic> found)
    {
        _found[directory] = found;

        var byFile = found.GroupBy(d => LspConversions.UriOf(d.Location.FilePath)).ToDictionary(g => g.Key, g => g.ToList());
        var before = _published.GetValueOrDefault(directory) ?? [];
        foreach (var uri in before.Union(byFile.Keys))
        {
            var diagnostics = byFile.TryGetValue(uri, out var list) ? list.Select(LspConversions.DiagnosticOf).ToList() : [];
            await Notify("textDocument/publishDiagnostics", new PublishDiagnosticsParams(uri, diagnostics)).ConfigureAwait(false);
        }

        _published[directory] = [.. byFile.Keys];
    }

    /// <summary>A line in the client's log (window/logMessage), not awaited.</summary>
    public void Log(string message) => _ = Notify("window/logMessage", new MessageParams(3, Output.ReportSanitizer.OneLine(message)));

    private Task Show(int type, string message) => Notify("window/showMessage", new MessageParams(type, Output.ReportSanitizer.OneLine(message)));

    [System.Diagnostics.CodeAnalysis.UnconditionalSuppressMessage("Trimming", "IL2026", Justification = "The server never runs in the Native AOT binary: it hands the command to the framework-dependent companion (ServerCommand).")]
    private Task Notify(string method, object argument) =>
        _rpc is null ? Task.CompletedTask : _rpc.NotifyWithParameterObjectAsync(method, argument);
}
