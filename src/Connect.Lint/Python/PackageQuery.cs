using System.Diagnostics;
using System.Text.Json;
using Connect.Lint.Processes;
using Connect.Lint.Rules.Model.Python;

namespace Connect.Lint.Python;

/// <summary>
/// Asks the interpreter, in a process of its own, which distributions are installed and which import names they provide.
/// The bridge asks the same module (distributions.py) in the import's own process; this runs only when the import
/// never let it answer (a timeout, a crash).
/// </summary>
public static class PackageQuery
{
    private static readonly Lazy<string> Script = new(() => EmbeddedText.Read("python/connect_lint_bridge/distributions.py"));
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    public static InstalledPackages? Run(InterpreterChoice interpreter)
    {
        try
        {
            var outcome = BoundedProcess.Run(new ProcessStartInfo(interpreter.Path, ["-I", "-c", Script.Value]), Timeout);
            return outcome.Succeeded ? Parse(outcome.Stdout) : null;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return null;
        }
    }

    /// <summary>The query's JSON answer (distributions.py), or null when it is not one.</summary>
    public static InstalledPackages? Parse(string json)
    {
        try
        {
            using var document = JsonDocument.Parse(json);
            var topLevel = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
            foreach (var entry in document.RootElement.GetProperty("top_level").EnumerateObject())
            {
                topLevel[entry.Name] = entry.Value.EnumerateArray().Select(v => v.GetString()!).ToList();
            }

            var versions = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var entry in document.RootElement.GetProperty("versions").EnumerateObject())
            {
                versions[entry.Name] = entry.Value.GetString() ?? string.Empty;
            }

            var requires = new Dictionary<string, IReadOnlyList<DependencySpec>>(StringComparer.Ordinal);
            if (document.RootElement.TryGetProperty("requires", out var requiresElement))
            {
                foreach (var entry in requiresElement.EnumerateObject())
                {
                    requires[entry.Name] = entry.Value.EnumerateArray().Select(v => new DependencySpec(v[0].GetString()!, v[1].GetString() ?? string.Empty)).ToList();
                }
            }

            return new InstalledPackages(topLevel, versions) { Requires = requires };
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or KeyNotFoundException or IndexOutOfRangeException)
        {
            return null;
        }
    }
}
