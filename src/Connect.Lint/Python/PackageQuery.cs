using System.Diagnostics;
using System.Text.Json;
using Connect.Lint.Rules.Model.Python;

namespace Connect.Lint.Python;

/// <summary>Asks the interpreter, in a process of its own, which distributions are installed and which import names they provide.</summary>
public static class PackageQuery
{
    private static readonly Lazy<string> Script = new(() => EmbeddedText.Read("python/query_packages.py"));

    public static InstalledPackages? Run(InterpreterChoice interpreter)
    {
        try
        {
            var start = new ProcessStartInfo(interpreter.Path, ["-I", "-c", Script.Value])
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            using var process = Process.Start(start)!;
            var stderr = process.StandardError.ReadToEndAsync();
            var output = process.StandardOutput.ReadToEnd();
            if (!process.WaitForExit(TimeSpan.FromSeconds(60)))
            {
                process.Kill(entireProcessTree: true);
                return null;
            }

            _ = stderr.Result;
            using var document = JsonDocument.Parse(output);
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

            return new InstalledPackages(topLevel, versions);
        }
        catch (Exception e) when (e is System.ComponentModel.Win32Exception or JsonException or InvalidOperationException or KeyNotFoundException)
        {
            return null;
        }
    }
}
