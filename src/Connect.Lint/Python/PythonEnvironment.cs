using System.Diagnostics;
using System.Text.Json;

namespace Connect.Lint.Python;

/// <summary>What the interpreter says about itself: the versions and locale rsconnect records.</summary>
public sealed record PythonEnvironment(string Interpreter, string Reason, string PythonVersion, string? PipVersion, string Locale);

/// <summary>Runs the small environment query (a script shipped inside the tool) in the chosen interpreter.</summary>
public static class PythonEnvironmentQuery
{
    private static readonly Lazy<string> Script = new(() => EmbeddedText.Read("python/query_environment.py"));

    /// <summary>Returns the environment, or null with a one-line reason a person can act on.</summary>
    public static PythonEnvironment? Run(InterpreterChoice choice, TimeSpan timeout, out string? problem)
    {
        problem = null;
        if (!File.Exists(choice.Path))
        {
            problem = $"interpreter {choice.Path} ({choice.Reason}) does not exist";
            return null;
        }

        var start = new ProcessStartInfo(choice.Path)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add("-I");
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add(Script.Value);
        try
        {
            using var process = Process.Start(start)!;
            process.StandardInput.Close();
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            if (!process.WaitForExit(timeout))
            {
                process.Kill(entireProcessTree: true);
                problem = $"interpreter {choice.Path} did not answer within {timeout.TotalSeconds:0} s";
                return null;
            }

            if (process.ExitCode != 0)
            {
                var firstLine = stderr.Result.Split('\n', StringSplitOptions.RemoveEmptyEntries).LastOrDefault() ?? $"exit code {process.ExitCode}";
                problem = $"interpreter {choice.Path} failed: {firstLine.Trim()}";
                return null;
            }

            using var json = JsonDocument.Parse(stdout.Result);
            var root = json.RootElement;
            var pip = root.GetProperty("pip");
            return new PythonEnvironment(
                choice.Path,
                choice.Reason,
                root.GetProperty("python").GetString()!,
                pip.ValueKind == JsonValueKind.String ? pip.GetString() : null,
                root.GetProperty("locale").GetString() ?? string.Empty);
        }
        catch (Exception e) when (e is System.ComponentModel.Win32Exception or JsonException or InvalidOperationException or KeyNotFoundException)
        {
            problem = $"interpreter {choice.Path} could not be queried: {e.Message}";
            return null;
        }
    }
}
