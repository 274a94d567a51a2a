using System.Diagnostics;
using Connect.Lint.Processes;
using Connect.Lint.Rules.Model.Python;

namespace Connect.Lint.Python;

/// <summary>
/// The default host: the interpreter as a child process (-I) in a session of its own, answers on stdout while
/// user output goes to stderr, and a deadline after which the whole process group is killed and its pipes are
/// no longer read. It survives everything user code can do.
/// </summary>
public sealed class ProcessHost : IPythonHost
{
    public string Name => "process";

    public PythonFacts Run(BridgeRequest request)
    {
        if (ForkServers.ServerFor(request) is { } server)
        {
            try
            {
                return server.Run(request, Name);
            }
            catch (Exception e) when (e is IOException or AggregateException or InvalidOperationException)
            {
                // The server is gone or would not start the process: this deployment gets a process of its own.
            }
        }

        var start = new ProcessStartInfo(request.Interpreter.Path) { WorkingDirectory = request.Directory };
        start.ArgumentList.Add("-I");
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add(BridgeProtocol.Script.Value);
        start.ArgumentList.Add(BridgeProtocol.RequestJson(request));
        var cache = request.UseCache ? CompiledBridgeCache.ArgumentFor(request.Interpreter.Path) : string.Empty;
        start.ArgumentList.Add(cache);

        Trace.Mark("python start");
        var outcome = BoundedProcess.Run(start, request.Timeout, ownGroup: true);
        Trace.Mark("python exited");
        CompiledBridgeCache.Record(cache);
        var lines = outcome.Stdout.Split('\n');
        return BridgeAnswer.Parse(request, Name, lines, outcome.StderrTail, outcome.TimedOut, outcome.ExitCode);
    }
}
