using Connect.Lint.Rules.Model.Python;

namespace Connect.Lint.Python;

/// <summary>CPython inside this process through a thin binding to libpython (see LibPython).</summary>
public sealed class EmbeddedHost : IPythonHost
{
    public string Name => "embedded";

    public PythonFacts Run(BridgeRequest request) => throw new NotSupportedException("embedded host not built yet");
}
