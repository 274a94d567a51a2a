using System.Text;
using Connect.Lint.Rules.Model.Requirements;

namespace Connect.Lint.Loading;

/// <summary>Reads the requirements file and the files it includes (-r/-c, relative to the including file), inside the deployment only.</summary>
public static class RequirementsLoader
{
    private const int MaxFiles = 64;
    private const long MaxBytes = 16 * 1024 * 1024;

    public static (IReadOnlyList<RequirementsFile> Files, IReadOnlyList<RequirementsError> Problems) Load(string directory, string realRoot, string packageFile)
    {
        var files = new List<RequirementsFile>();
        var problems = new List<RequirementsError>();
        var first = Path.Combine(directory, packageFile);
        if (!FileKinds.IsRegularFile(first))
        {
            return (files, problems);
        }

        var pending = new Queue<string>([Path.GetFullPath(first)]);
        var seen = new HashSet<string>(StringComparer.Ordinal) { Path.GetFullPath(first) };
        while (pending.Count > 0 && files.Count < MaxFiles)
        {
            var path = pending.Dequeue();
            string text;
            try
            {
                if (new FileInfo(path).Length > MaxBytes)
                {
                    problems.Add(new RequirementsError(path, new LineSpan(1, 1, 2), $"the file is larger than {MaxBytes / (1024 * 1024)} MiB; not read"));
                    continue;
                }

                text = Encoding.UTF8.GetString(File.ReadAllBytes(path));
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                problems.Add(new RequirementsError(path, new LineSpan(1, 1, 2), $"could not be read: {e.Message}"));
                continue;
            }

            var parsed = RequirementsParser.Parse(path, text);
            files.Add(parsed);
            foreach (var include in parsed.Entries.OfType<IncludeEntry>())
            {
                if (include.Target.Contains("://", StringComparison.Ordinal))
                {
                    continue;
                }

                var target = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(path)!, include.Target));
                var option = include.IsConstraint ? "-c" : "-r";
                if (!SafePaths.StaysInside(target, realRoot))
                {
                    problems.Add(new RequirementsError(path, include.TargetSpan,
                        $"'{option} {include.Target}' points outside the deployment: Connect only has the deployed files"));
                }
                else if (!FileKinds.IsRegularFile(target))
                {
                    problems.Add(new RequirementsError(path, include.TargetSpan, $"'{option} {include.Target}': no such file"));
                }
                else if (seen.Add(target))
                {
                    pending.Enqueue(target);
                }
            }
        }

        return (files, problems);
    }
}
