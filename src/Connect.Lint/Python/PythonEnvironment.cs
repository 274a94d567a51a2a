namespace Connect.Lint.Python;

/// <summary>What the interpreter says about itself: the versions and locale rsconnect records.</summary>
public sealed record PythonEnvironment(string Interpreter, string Reason, Rules.Model.Python.EnvironmentFacts Facts)
{
    public string PythonVersion => Facts.Python;
}

/// <summary>
/// The bridge script, asked for its environment facts only (nothing of the project is imported): what
/// write-manifest needs, computed by the same code as the facts check sees.
/// </summary>
public static class PythonEnvironmentQuery
{
    /// <summary>Returns the environment, or null with a one-line reason a person can act on.</summary>
    public static PythonEnvironment? Run(InterpreterChoice choice, TimeSpan timeout, out string? problem)
    {
        problem = null;
        if (!File.Exists(choice.Path))
        {
            problem = $"interpreter {choice.Path} ({choice.Reason}) does not exist";
            return null;
        }

        try
        {
            var request = new BridgeRequest(choice, StartDirectory.Path, "app", [], timeout) { StaticOnly = true };
            var facts = new ProcessHost().Run(request);
            if (facts.Environment is { } environment)
            {
                return new PythonEnvironment(choice.Path, choice.Reason, environment);
            }

            var detail = facts.StderrTail.Split('\n', StringSplitOptions.RemoveEmptyEntries).LastOrDefault()?.Trim();
            problem = facts.TimedOut
                ? $"interpreter {choice.Path} did not answer within {timeout.TotalSeconds:0} s"
                : $"interpreter {choice.Path} ({choice.Reason}) could not be queried" + (detail is null ? string.Empty : $": {detail}");
            return null;
        }
        catch (Exception e) when (e is System.ComponentModel.Win32Exception or IOException or System.Text.Json.JsonException)
        {
            problem = $"interpreter {choice.Path} could not be run: {e.Message}";
            return null;
        }
    }
}
