using System.Diagnostics;
using Connect.Lint.Processes;

namespace Connect.Lint.Rehearsal;

/// <summary>Runs venv and pip for the rehearsal, bounded in time, with nothing of the caller's environment sending them elsewhere.</summary>
public static class RehearsalProcess
{
    /// <summary>Environment variables that would send pip's install or Python's imports somewhere other than the fresh environment.</summary>
    private static readonly string[] Misdirecting = ["PYTHONPATH", "PYTHONHOME", "PYTHONUSERBASE", "VIRTUAL_ENV", "PIP_TARGET", "PIP_PREFIX", "PIP_ROOT", "PIP_USER", "PIP_REQUIRE_VIRTUALENV", "CONDA_PREFIX"];

    public static ProcessOutcome Run(string program, string[] arguments, string directory, TimeSpan timeout)
    {
        var start = new ProcessStartInfo(program) { WorkingDirectory = directory };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var name in Misdirecting)
        {
            start.Environment.Remove(name);
        }

        start.Environment["PYTHONDONTWRITEBYTECODE"] = "1"; // nothing lands in the project's __pycache__
        try
        {
            return BoundedProcess.Run(start, timeout);
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            return new ProcessOutcome(string.Empty, $"{program} could not be run: {e.Message}", null, false);
        }
    }
}
