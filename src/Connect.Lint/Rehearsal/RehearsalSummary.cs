using System.Globalization;
using Connect.Lint.Rules.Model.Python;
using Connect.Lint.Rules.Model.Rehearsal;

namespace Connect.Lint.Rehearsal;

/// <summary>The one line check prints on stderr about a rehearsal: the environment, the install, the import, the requests.</summary>
public static class RehearsalSummary
{
    public static string Describe(RehearsalFacts facts)
    {
        var parts = new List<string>
        {
            facts.EnvironmentReused
                ? $"fresh environment for {facts.PackageFile} reused (unchanged; --no-cache makes a new one)"
                : $"fresh environment made ({Seconds(facts.EnvironmentSeconds)}) and {facts.PackageFile} installed ({Seconds(facts.InstallSeconds)})",
        };
        if (facts.InstallProblems.Count > 0)
        {
            parts[0] = $"pip install -r {facts.PackageFile} failed in a fresh environment ({Seconds(facts.InstallSeconds)})";
        }
        else if (facts.Import is null && facts.Incomplete is { } stopped)
        {
            // Stopped before the import (--install-timeout, no venv module): nothing may be said to have installed.
            parts[0] = facts.PythonVersion is null && facts.EnvironmentSeconds == 0
                ? $"no fresh environment ({stopped})"
                : $"fresh environment made ({Seconds(facts.EnvironmentSeconds)}), {facts.PackageFile} not installed: {stopped}";
        }

        if (facts.Import?.Import is { } import)
        {
            parts.Add(import.Outcome == ImportOutcome.Imported ? $"{import.Module} imported ({Seconds(facts.ImportSeconds)})" : $"{import.Module} did not import");
        }

        if (facts.Served is { } served)
        {
            parts.Add($"{served.Routes.Count} GET route{(served.Routes.Count == 1 ? string.Empty : "s")} requested under {served.Prefix}" +
                      (served.Skipped > 0 ? $" ({served.Skipped} not requested: out of time)" : string.Empty));
        }

        return $"rehearsal with Python {facts.PythonVersion ?? "?"}: {string.Join(", ", parts)}";
    }

    private static string Seconds(double seconds) => seconds.ToString("0.0", CultureInfo.InvariantCulture) + " s";
}
