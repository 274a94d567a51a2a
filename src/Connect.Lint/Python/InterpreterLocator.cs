namespace Connect.Lint.Python;

/// <summary>The interpreter chosen for a deployment, and the reason, which the output always states.</summary>
public sealed record InterpreterChoice(string Path, string Reason);

/// <summary>
/// Chooses the project's interpreter: --python, then $VIRTUAL_ENV, then a .venv/venv/env (with pyvenv.cfg)
/// in the deployment directory or above it up to the repository root, then python3 on PATH.
/// </summary>
public static class InterpreterLocator
{
    private static readonly string[] VenvNames = [".venv", "venv", "env"];

    public static InterpreterChoice? Locate(string deploymentDirectory, string? explicitPython, Func<string, string?> environment, string explicitReason = "--python")
    {
        if (!string.IsNullOrEmpty(explicitPython))
        {
            return new InterpreterChoice(Path.GetFullPath(explicitPython), explicitReason);
        }

        if (environment("VIRTUAL_ENV") is { Length: > 0 } virtualEnv && VenvPython(virtualEnv) is { } activated)
        {
            return new InterpreterChoice(activated, "$VIRTUAL_ENV");
        }

        for (var directory = new DirectoryInfo(deploymentDirectory); directory is not null; directory = directory.Parent)
        {
            foreach (var name in VenvNames)
            {
                var candidate = Path.Combine(directory.FullName, name);
                if (File.Exists(Path.Combine(candidate, "pyvenv.cfg")) && VenvPython(candidate) is { } python)
                {
                    return new InterpreterChoice(python, $"virtualenv {Path.GetRelativePath(StartDirectory.Path, candidate)}");
                }
            }

            if (Directory.Exists(Path.Combine(directory.FullName, ".git")) || File.Exists(Path.Combine(directory.FullName, ".git")))
            {
                break;
            }
        }

        return OnPath("python3", environment("PATH")) is { } onPath ? new InterpreterChoice(onPath, "python3 on PATH") : null;
    }

    public static string? VenvPython(string venv)
    {
        foreach (var relative in new[] { "bin/python3", "bin/python", "Scripts/python.exe" })
        {
            var candidate = Path.Combine(venv, relative);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }

    private static string? OnPath(string name, string? path)
    {
        foreach (var directory in (path ?? string.Empty).Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = Path.Combine(directory, name);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }
}
