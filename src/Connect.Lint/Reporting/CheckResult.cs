using Connect.Lint.Python;
using Connect.Lint.Rules.Analysis;

namespace Connect.Lint.Reporting;

/// <summary>One deployment as reported: its directory, the interpreter used (if any) and notices about it.</summary>
public sealed record DeploymentSummary(string Directory, InterpreterChoice? Interpreter, IReadOnlyList<string> Notices);

/// <summary>A commit as reports name it: its SHA, the revision the user gave, and the repository's URI when it has a remote (SARIF's versionControlProvenance).</summary>
public sealed record CheckedRevision(string Sha, string Revision, string? RepositoryUri)
{
    /// <summary>Where a reported file's bytes are read while the report is made: the commit's copy (the work tree may differ).</summary>
    public Func<string, string>? ContentOf { get; init; }

    public string Describe() => Name(Sha, Revision);

    /// <summary>"commit 1a2b3c4d5e6f (HEAD)": the SHA's first 12 digits and, when it was named otherwise, the name.</summary>
    public static string Name(string sha, string revision) => $"commit {sha[..12]}" + (revision == sha ? string.Empty : $" ({revision})");
}

/// <summary>Everything a reporter needs about one run of <c>check</c>.</summary>
/// <param name="Fixed">What --fix settled (the diagnostics as they were before it).</param>
public sealed record CheckResult(
    IReadOnlyList<DeploymentSummary> Deployments,
    IReadOnlyList<Diagnostic> Diagnostics,
    IReadOnlyList<Diagnostic> Fixed,
    int ExitCode)
{
    /// <summary>The commit the diagnostics describe (check --rev); null when they describe the work tree.</summary>
    public CheckedRevision? Commit { get; init; }

    public int FixedCount => Fixed.Count;

    public int Count(Severity severity) => Diagnostics.Count(d => d.Severity == severity);

    public int FixableCount(bool includeUnsafe) =>
        Diagnostics.Count(d => d.Fix is { } fix && (fix.Safety == FixAvailability.Safe || includeUnsafe));
}

/// <summary>Paths as a person reads them: relative to the directory the command started in, '/' separated.</summary>
public static class DisplayPath
{
    public static string Of(string path)
    {
        var relative = Path.GetRelativePath(StartDirectory.Path, path);
        return relative.Replace('\\', '/');
    }

    /// <summary>Relative when under the start directory, absolute otherwise (an interpreter: /usr/bin/python3, not ../../usr/bin/python3).</summary>
    public static string OfInside(string path)
    {
        var relative = Of(path);
        return relative == ".." || relative.StartsWith("../", StringComparison.Ordinal) || Path.IsPathRooted(relative) ? StartDirectory.FullPathOf(path) : relative;
    }

    /// <summary>The display path for a line-oriented output: control, line-break and bidi characters escaped.</summary>
    public static string ForLine(string path) => Output.OutputSafety.Escape(Of(path));
}
