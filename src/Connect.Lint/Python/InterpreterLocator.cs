namespace Connect.Lint.Python;

/// <summary>The interpreter chosen for a deployment, and the reason, which the output always states.</summary>
public sealed record InterpreterChoice(string Path, string Reason)
{
    /// <summary>
    /// "Python 3.11.7 at REAL (REASON: CHOSEN; how to choose another)": the Python that really ran (its
    /// <c>sys.executable</c>; a pyenv shim or other launcher is followed), and what was chosen when that differs.
    /// </summary>
    public static string Describe(string chosen, string reason, string? pythonVersion, string? executable)
    {
        var ran = string.IsNullOrEmpty(executable) ? chosen : executable;
        var via = SamePath(ran, chosen) ? string.Empty : $": {Reporting.DisplayPath.OfInside(chosen)}";
        return $"Python {pythonVersion ?? "?"} at {Reporting.DisplayPath.OfInside(ran)} ({reason}{via}; {InterpreterLocator.HowToChoose})";
    }

    private static bool SamePath(string a, string b) =>
        string.Equals(System.IO.Path.GetFullPath(a), System.IO.Path.GetFullPath(b), OperatingSystem.IsWindows() ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal);
}

/// <summary>
/// Chooses each deployment's interpreter: --python (or [tool.connect-lint] python), then the deployment's own
/// .venv/venv/env (with pyvenv.cfg) in its directory or above it up to the repository root, then $VIRTUAL_ENV, then
/// python3 on PATH. The deployment's own environment comes before an activated one: in a monorepo the shell's
/// virtualenv belongs to one service at most. A bare name (<c>--python python3.11</c>) is looked up on PATH.
/// </summary>
public static class InterpreterLocator
{
    private static readonly string[] VenvNames = [".venv", "venv", "env"];

    /// <summary>How a person picks another interpreter; said wherever the chosen one is named.</summary>
    public const string HowToChoose = "--python or [tool.connect-lint] python chooses another";

    /// <summary>Why no interpreter was found, and what to do.</summary>
    public const string NoneFound = "no Python interpreter found (looked at .venv/venv/env up to the repository root, $VIRTUAL_ENV, python3 on PATH); pass --python";

    public static InterpreterChoice? Locate(string deploymentDirectory, string? explicitPython, Func<string, string?> environment, string explicitReason = "--python")
    {
        if (!string.IsNullOrEmpty(explicitPython))
        {
            return IsBareName(explicitPython)
                ? OnPath(explicitPython, environment("PATH")) is { } found
                    ? new InterpreterChoice(found, $"{explicitReason}, found on PATH")
                    : new InterpreterChoice(explicitPython, $"{explicitReason}, not found on PATH")
                : new InterpreterChoice(StartDirectory.FullPathOf(explicitPython), explicitReason);
        }

        if (OwnVirtualEnvironment(deploymentDirectory) is { } own)
        {
            return own;
        }

        if (environment("VIRTUAL_ENV") is { Length: > 0 } virtualEnv && VenvPython(virtualEnv) is { } activated)
        {
            return new InterpreterChoice(activated, "$VIRTUAL_ENV");
        }

        return OnPath("python3", environment("PATH")) is { } onPath ? new InterpreterChoice(onPath, "python3 on PATH") : null;
    }

    /// <summary>A name without a directory part: a command to find on PATH, as a shell would.</summary>
    public static bool IsBareName(string python) =>
        python.IndexOfAny(['/', Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar]) < 0 && python is not "." and not "..";

    private static InterpreterChoice? OwnVirtualEnvironment(string deploymentDirectory)
    {
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

        return null;
    }

    /// <summary>
    /// The pyvenv.cfg of the virtual environment an interpreter is the python of (PEP 405: beside its bin/), or null
    /// when it is no venv's. The path is not resolved: a venv's python is a link to the base interpreter.
    /// </summary>
    public static string? VenvConfigOf(string interpreter) =>
        Path.GetDirectoryName(Path.GetDirectoryName(Path.GetFullPath(interpreter))) is { } prefix && Path.Combine(prefix, "pyvenv.cfg") is var config && File.Exists(config)
            ? config
            : null;

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

    /// <summary>A command's path as a shell finds it on PATH, or null.</summary>
    public static string? FindOnPath(string name, string? path) => OnPath(name, path);

    private static string? OnPath(string name, string? path)
    {
        foreach (var directory in (path ?? string.Empty).Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            foreach (var candidate in OperatingSystem.IsWindows() ? [Path.Combine(directory, name), Path.Combine(directory, name + ".exe")] : new[] { Path.Combine(directory, name) })
            {
                if (File.Exists(candidate))
                {
                    return candidate;
                }
            }
        }

        return null;
    }
}
