using Connect.Lint.Rules.Model.Python;

namespace Connect.Lint.Python;

/// <summary>What the bridge is asked: import this entrypoint of this directory, parse these sources.</summary>
public sealed record BridgeRequest(InterpreterChoice Interpreter, string Directory, string Entrypoint, IReadOnlyList<string> Sources, TimeSpan Timeout);

/// <summary>Runs the introspection script in the project's interpreter; both hosts answer with the same facts.</summary>
public interface IPythonHost
{
    string Name { get; }

    PythonFacts Run(BridgeRequest request);
}

/// <summary>The script's request and answers, shared by the hosts.</summary>
public static class BridgeProtocol
{
    public static readonly Lazy<string> Script = new(() => EmbeddedText.Read("python/introspect.py"));

    public static string RequestJson(BridgeRequest request) =>
        System.Text.Json.JsonSerializer.Serialize(new Dictionary<string, object>
        {
            ["protocol"] = 1,
            ["directory"] = request.Directory,
            ["entrypoint"] = request.Entrypoint,
            ["sources"] = request.Sources,
            ["timeout"] = request.Timeout.TotalSeconds,
        });
}
