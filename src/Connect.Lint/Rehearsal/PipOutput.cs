using System.Text.RegularExpressions;
using Connect.Lint.Rules.Model.Rehearsal;
using Connect.Lint.Rules.Model.Requirements;

namespace Connect.Lint.Rehearsal;

/// <summary>A requirement naming a local path: its file (relative to the deployment), its line, and the path as written.</summary>
public sealed record LocalPathLine(string File, int Line, string Path);

/// <summary>
/// Reads what `pip install -r` printed when it failed (pip 21–25's wording) into the requirements it could not install
/// and why. pip names a requirement either as it was written ("tinyhelper==9.9") or by its line ("-r requirements.txt
/// (line 3)"); both are kept, and the rule places each at its line.
/// </summary>
public static partial class PipOutput
{
    /// <param name="localPaths">
    /// The requirements that name a local path. pip stops at the first one it cannot find, in words that differ with
    /// the kind of path ("Directory '.' is not installable", "No such file or directory: './vendor/x.whl'"); the one
    /// its error names is the problem.
    /// </param>
    public static IReadOnlyList<InstallProblem> Problems(string stdout, string stderr, IReadOnlyList<LocalPathLine>? localPaths = null)
    {
        var all = stdout + "\n" + stderr;
        var problems = new List<InstallProblem>();
        if (LocalPathNamed(all, localPaths ?? []) is { } local)
        {
            return [local];
        }

        foreach (Match match in NotFound().Matches(all))
        {
            var requirement = match.Groups["requirement"].Value;
            var versions = match.Groups["versions"].Value;
            var (file, line) = LineReference(match.Groups["from"].Value);
            var reason = versions is "" or "none"
                ? $"no version of {NameOf(requirement)} is available from the package index pip uses"
                : $"no version of {NameOf(requirement)} satisfies it (available: {versions})";
            problems.Add(new InstallProblem(InstallProblemKind.NotAvailable, NameOf(requirement), file, line, reason));
        }

        if (CannotInstall().Match(all) is { Success: true } conflict)
        {
            var cause = ConflictCause(stdout + "\n" + stderr);
            foreach (var part in Parts().Split(conflict.Groups["what"].Value).Where(p => p.Length > 0))
            {
                var (file, line) = LineReference(part);
                var name = file is null ? NameOf(part) : null;
                if (file is null && name is "")
                {
                    continue; // the tail of a specifier with a comma in it ("flask>=2,<3")
                }

                problems.Add(new InstallProblem(InstallProblemKind.Conflict, name, file, line,
                    "the resolver found conflicting requirements" + (cause.Length > 0 ? $" ({cause})" : string.Empty)));
            }
        }

        if (problems.Count == 0 && BuildFailed().IsMatch(all))
        {
            var name = BuildFailedFor().Match(all) is { Success: true } named ? named.Groups["name"].Value.Split(',')[0].Trim() : LastCollected(stdout);
            var output = SubprocessOutput().Matches(stderr).LastOrDefault()?.Groups["output"].Value
                .Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).LastOrDefault();
            problems.Add(new InstallProblem(InstallProblemKind.BuildFailed, name, null, null,
                "it does not build" + (output is { Length: > 0 } ? $": {output}" : " (pip's output says why)")));
        }

        if (problems.Count == 0)
        {
            var last = (stderr + "\n" + stdout).Split('\n').Select(l => l.Trim()).LastOrDefault(l => l.StartsWith("ERROR: ", StringComparison.Ordinal));
            var (file, line) = last is null ? (null, null) : LineReference(last);
            problems.Add(new InstallProblem(InstallProblemKind.Other, null, file, line,
                last is null ? "pip failed without saying why" : "pip says " + last["ERROR: ".Length..]));
        }

        return problems;
    }

    private static InstallProblem? LocalPathNamed(string output, IReadOnlyList<LocalPathLine> localPaths)
    {
        var said = output.Split('\n').Select(l => l.Trim())
            .Where(l => l.StartsWith("ERROR: ", StringComparison.Ordinal) || l.StartsWith("WARNING: ", StringComparison.Ordinal) || l.StartsWith("Hint: ", StringComparison.Ordinal))
            .ToList();
        var error = said.LastOrDefault(l => l.StartsWith("ERROR: ", StringComparison.Ordinal));
        if (error is null)
        {
            return null;
        }

        foreach (var local in localPaths)
        {
            if (said.Any(line => NamesPath(line, local.Path)))
            {
                var why = FromLine().Replace(error["ERROR: ".Length..], string.Empty).Trim();
                why = SentenceEnd().Match(why) is { Success: true } end ? why[..(end.Index + 1)] : why; // not pip's list of VCS schemes
                return new InstallProblem(InstallProblemKind.LocalPath, null, local.File, local.Line,
                    $"it names a local path, which is not there when the requirements are installed on their own, as Connect installs them (pip: {why})");
            }
        }

        return null;
    }

    /// <summary>Whether pip's line names the path: as written, as pip resolved it (./x), or, for an archive, by its file name.</summary>
    private static bool NamesPath(string line, string path)
    {
        var written = path.StartsWith("file://", StringComparison.OrdinalIgnoreCase) ? path["file://".Length..] : path;
        var bare = written.StartsWith("./", StringComparison.Ordinal) ? written[2..] : written;
        List<string> forms = [written, bare, "./" + bare];
        if (PackageNames.IsArchive(bare))
        {
            forms.Add(bare.Split('/').Last());
        }

        return forms.Where(f => f.Length > 0).Distinct().Any(form =>
            Regex.IsMatch(line, $@"(^|[\s'""(])(file://)?{Regex.Escape(form)}/?($|[\s'"")])"));
    }

    /// <summary>"The conflict is caused by:" and its indented lines, joined ("The user requested tinyhelper==2.0; needs-old-helper 1.0 depends on tinyhelper==1.0").</summary>
    private static string ConflictCause(string output)
    {
        var lines = output.Split('\n');
        var start = Array.FindIndex(lines, l => l.Trim() == "The conflict is caused by:");
        return start < 0
            ? string.Empty
            : string.Join("; ", lines.Skip(start + 1).TakeWhile(l => l.StartsWith("    ", StringComparison.Ordinal) && l.Trim().Length > 0).Select(l => l.Trim()).Take(6));
    }

    private static (string? File, int? Line) LineReference(string text) =>
        LineOf().Match(text) is { Success: true } reference
            ? (reference.Groups["file"].Value, int.Parse(reference.Groups["line"].Value, System.Globalization.CultureInfo.InvariantCulture))
            : (null, null);

    private static string NameOf(string requirement) => RequirementName().Match(requirement.Trim()).Value;

    /// <summary>The distribution pip was working on when it stopped: its last "Collecting X" or "Processing …/X-1.0.tar.gz".</summary>
    private static string? LastCollected(string stdout)
    {
        var last = Collecting().Matches(stdout).LastOrDefault();
        if (last is null)
        {
            return null;
        }

        var what = last.Groups["what"].Value;
        var file = what.Split('/').Last();
        return last.Groups["verb"].Value == "Processing" ? file[..Math.Max(0, file.LastIndexOf('-'))] : NameOf(what);
    }

    [GeneratedRegex(@"Could not find a version that satisfies the requirement (?<requirement>\S+)(?: \(from (?<from>-r [^()]+ \(line \d+\)|(?!versions:)[^()]*)\))?(?: \(from versions: (?<versions>[^)]*)\))?")]
    private static partial Regex NotFound();

    [GeneratedRegex(@"Cannot install (?<what>.+?) because these package versions have conflicting dependencies")]
    private static partial Regex CannotInstall();

    [GeneratedRegex(@",\s*|\s+and\s+")]
    private static partial Regex Parts();

    /// <summary>Where pip says a requirement came from: "(from -r requirements.txt (line 2))", "(from line 2 of requirements.txt)".</summary>
    [GeneratedRegex(@"\s*\(from (-r \S+ \(line \d+\)|line \d+ of \S+)\)")]
    private static partial Regex FromLine();

    [GeneratedRegex(@"(?<=[a-z)'])\.(\s|$)")]
    private static partial Regex SentenceEnd();

    [GeneratedRegex(@"-r (?<file>\S+) \(line (?<line>\d+)\)")]
    private static partial Regex LineOf();

    [GeneratedRegex(@"^[A-Za-z0-9][A-Za-z0-9._-]*")]
    private static partial Regex RequirementName();

    [GeneratedRegex(@"subprocess-exited-with-error|metadata-generation-failed|Failed to build|Could not build wheels")]
    private static partial Regex BuildFailed();

    [GeneratedRegex(@"Could not build wheels for (?<name>[^\s,]+(?:, [^\s,]+)*)")]
    private static partial Regex BuildFailedFor();

    [GeneratedRegex(@"\[\d+ lines of output\]\n(?<output>(?:.*\n)*?)\s*\[end of output\]")]
    private static partial Regex SubprocessOutput();

    [GeneratedRegex(@"^(?<verb>Collecting|Processing) (?<what>\S+)", RegexOptions.Multiline)]
    private static partial Regex Collecting();
}
