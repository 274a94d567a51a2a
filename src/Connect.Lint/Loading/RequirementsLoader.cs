using System.Text;
using Connect.Lint.Rules.Model;
using Connect.Lint.Rules.Model.Requirements;

namespace Connect.Lint.Loading;

/// <summary>What reading the requirements chain gave: the parsed files, problems with includes, and files not read.</summary>
public sealed record RequirementsLoad(IReadOnlyList<RequirementsFile> Files, IReadOnlyList<RequirementsError> Problems, IReadOnlyList<UnreadFile> Unread);

/// <summary>
/// Reads the requirements file and the files it includes (-r/-c, relative to the including file), each through
/// the deployment's <see cref="FileAccessPolicy"/>: a symlink out of the deployment, a FIFO or a device is
/// refused and reported, never read.
/// </summary>
public static class RequirementsLoader
{
    public const int MaxFiles = 64;
    private const long MaxBytes = 16 * 1024 * 1024;
    private const string NotChecked = "its requirements were not checked";

    public static RequirementsLoad Load(FileAccessPolicy policy, string packageFile)
    {
        var files = new List<RequirementsFile>();
        var problems = new List<RequirementsError>();
        var unread = new List<UnreadFile>();
        var first = Path.GetFullPath(Path.Combine(policy.Root, packageFile));
        var pending = new Queue<string>([first]);
        var seen = new HashSet<string>(StringComparer.Ordinal) { first };
        while (pending.Count > 0)
        {
            var path = pending.Dequeue();
            if (files.Count == MaxFiles)
            {
                unread.Add(new UnreadFile(Relative(policy, path), $"the include chain has more than {MaxFiles} files", "it and the files after it were not checked", UnreadKind.Limit));
                break;
            }

            var read = policy.Read(path, MaxBytes);
            if (read.Missing)
            {
                continue; // the first file: requirements-missing and package-file-missing say so; an include: reported where it is named
            }

            if (read.Bytes is not { } bytes)
            {
                unread.Add(new UnreadFile(Relative(policy, path), read.Refusal!.Reason, NotChecked, read.Refusal.UnreadKind));
                continue;
            }

            var parsed = RequirementsParser.Parse(path, Encoding.UTF8.GetString(bytes));
            files.Add(parsed);
            foreach (var include in parsed.Entries.OfType<IncludeEntry>())
            {
                if (include.Target.Contains("://", StringComparison.Ordinal))
                {
                    continue;
                }

                var target = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(path)!, include.Target));
                var option = include.IsConstraint ? "-c" : "-r";
                if (!FileAccessPolicy.IsInside(target, policy.Root) || !SafePaths.StaysInside(target, policy.RealRoot))
                {
                    problems.Add(new RequirementsError(path, include.TargetSpan,
                        $"'{option} {include.Target}' points outside the deployment: Connect only has the deployed files"));
                }
                else if (FileKinds.Of(target) == FileKind.Missing)
                {
                    problems.Add(new RequirementsError(path, include.TargetSpan, $"'{option} {include.Target}': no such file"));
                }
                else if (seen.Add(target))
                {
                    pending.Enqueue(target);
                }
            }
        }

        return new RequirementsLoad(files, problems, unread);
    }

    private static string Relative(FileAccessPolicy policy, string path) => Path.GetRelativePath(policy.Root, path).Replace('\\', '/');
}
