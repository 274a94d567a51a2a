using Connect.Lint.Rules.Model.Python;

namespace Connect.Lint.Python;

/// <summary>What the bridge is asked: import this entrypoint of this directory, parse these sources.</summary>
public sealed record BridgeRequest(InterpreterChoice Interpreter, string Directory, string Entrypoint, IReadOnlyList<string> Sources, TimeSpan Timeout)
{
    /// <summary>Answer the environment and the static (ast) facts only: nothing of the project is imported or run.</summary>
    public bool StaticOnly { get; init; }

    /// <summary>Also say which distributions are installed (an enabled rule about requirements needs them).</summary>
    public bool WantPackages { get; init; }

    /// <summary>The environment key of the distributions the tool already holds (raw JSON): the bridge reads them again only if its own differs.</summary>
    public string? KnownPackagesKey { get; init; }

    /// <summary>False with --no-cache: the bridge is compiled afresh and not kept.</summary>
    public bool UseCache { get; init; }

    /// <summary>Send the environment's key even when the distributions are not wanted (the answer cache needs it).</summary>
    public bool WantEnvironmentKey { get; init; }

    /// <summary>After the import, request the app's parameterless GET routes under a path prefix (the rehearsal); null: no requests.</summary>
    public ServeRequest? Serve { get; init; }

    /// <summary>The Vars Connect sets: each one this environment lacks is set to a placeholder for the import.</summary>
    public IReadOnlyList<string> Vars { get; init; } = [];

    /// <summary>A process of its own, never a fork of a warm interpreter (the rehearsal's fresh environment is used once).</summary>
    public bool OwnProcess { get; init; }
}

/// <summary>The rehearsal's requests: under which prefix, how long one request may take, how long they may take in all.</summary>
public sealed record ServeRequest(string Prefix, TimeSpan PerRequest, TimeSpan Budget);

/// <summary>Runs the introspection script in the project's interpreter; both hosts answer with the same facts, the installed
/// packages included when the request asks for them.</summary>
public interface IPythonHost
{
    string Name { get; }

    PythonFacts Run(BridgeRequest request);
}

/// <summary>The script's request and answers, shared by the hosts.</summary>
public static class BridgeProtocol
{
    /// <summary>The version of the request and of the answers (bridge-answer.schema.json); the bridge's safe.py says the same.</summary>
    public const int Version = 1;

    public static readonly Lazy<string> Script = new(BridgeScript.Build);

    /// <summary>The script's hash: a kept answer is another bridge's once the bridge changes, whatever the tool's version says.</summary>
    public static readonly Lazy<string> ScriptHash = new(() =>
        Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(Script.Value))));

    public static string RequestJson(BridgeRequest request)
    {
        using var stream = new MemoryStream();
        using (var writer = new System.Text.Json.Utf8JsonWriter(stream))
        {
            writer.WriteStartObject();
            writer.WriteNumber("protocol", Version);
            writer.WriteString("directory", request.Directory);
            writer.WriteString("entrypoint", request.Entrypoint);
            writer.WriteStartArray("sources");
            foreach (var source in request.Sources)
            {
                writer.WriteStringValue(source);
            }

            writer.WriteEndArray();
            writer.WriteNumber("timeout", request.Timeout.TotalSeconds);
            writer.WriteBoolean("static_only", request.StaticOnly);
            if (request.Vars.Count > 0)
            {
                writer.WriteStartArray("vars");
                foreach (var name in request.Vars)
                {
                    writer.WriteStringValue(name);
                }

                writer.WriteEndArray();
            }

            if (request.WantPackages || request.WantEnvironmentKey)
            {
                writer.WriteStartObject("packages");
                writer.WriteBoolean("read", request.WantPackages);
                writer.WritePropertyName("known_key");
                if (request.KnownPackagesKey is { } key)
                {
                    writer.WriteRawValue(key);
                }
                else
                {
                    writer.WriteNullValue();
                }

                writer.WriteEndObject();
            }

            if (request.Serve is { } serve)
            {
                writer.WriteStartObject("serve");
                writer.WriteString("prefix", serve.Prefix);
                writer.WriteNumber("timeout", serve.PerRequest.TotalSeconds);
                writer.WriteNumber("budget", serve.Budget.TotalSeconds);
                writer.WriteEndObject();
            }

            writer.WriteEndObject();
        }

        return System.Text.Encoding.UTF8.GetString(stream.ToArray());
    }
}
