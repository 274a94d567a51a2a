using System.Text.Json;
using StreamJsonRpc;

namespace Connect.Lint.Server;

/// <summary><c>connect-lint server</c>: the language server on stdin/stdout (LSP's base protocol, StreamJsonRpc's framing).</summary>
public static class ServerCommand
{
    [System.Diagnostics.CodeAnalysis.UnconditionalSuppressMessage("Trimming", "IL2026", Justification = "StreamJsonRpc binds by reflection; in the Native AOT package the server runs in the framework-dependent companion (EmbeddedCompanion).")]
    [System.Diagnostics.CodeAnalysis.UnconditionalSuppressMessage("AOT", "IL3050", Justification = "As above: never run in the Native AOT binary.")]
    public static int Run(Stream input, Stream output, TextWriter log)
    {
        var formatter = new SystemTextJsonFormatter();
        formatter.JsonSerializerOptions.PropertyNamingPolicy = JsonNamingPolicy.CamelCase;
        formatter.JsonSerializerOptions.DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.Never;
        var server = new LanguageServer();
        // A warm Python per interpreter for the server's lifetime: a re-check after a save forks it instead of starting
        // Python. A pip install into its environment replaces it (what it preloaded would be stale).
        using var warm = Python.ForkServers.ForLongRun(interpreter => server.Log($"connect-lint: the environment of {interpreter} changed: its warm interpreter was restarted"));
        server.WarmPython = warm is not null;
        using var rpc = new JsonRpc(new LspMessageHandler(output, input, formatter));
        rpc.AddLocalRpcTarget(server, new JsonRpcTargetOptions { AllowNonPublicInvocation = false });
        server.Attach(rpc);
        rpc.StartListening();
        Task.WaitAny(rpc.Completion, server.Exited);
        if (!server.Exited.IsCompleted)
        {
            // Never silently: the editor's log shows why the server is gone (its children go with it at exit), through
            // the command's stderr like every other line the tool prints (redacted, escaped).
            log.WriteLine("connect-lint server: the client closed the connection without 'exit'" +
                                    (rpc.Completion.Exception?.InnerException is { } fault ? $" ({fault.GetType().Name}: {fault.Message})" : string.Empty));
            return 1;
        }

        // LSP: exit after shutdown ends with 0, exit without it with 1.
        return server.ShutDown ? 0 : 1;
    }
}
