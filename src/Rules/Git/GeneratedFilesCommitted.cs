using Connect.Lint.Rules.Analysis;
using Connect.Lint.Rules.Model;

namespace Connect.Lint.Rules.Git;

/// <summary>CL4004: bytecode, __pycache__ or a virtual environment is committed (reported once per directory).</summary>
public sealed class GeneratedFilesCommitted : Rule
{
    public override DiagnosticDescriptor Descriptor { get; } = Descriptors.Create(
        "CL4004", "generated-files-committed",
        "Bytecode or a virtual environment is committed",
        "{0} committed under {1} ({2}): Connect deploys every committed file; add it to .gitignore and 'git rm -r --cached {1}'",
        RuleCategory.Git, Severity.Warning, needs: RuleNeeds.Git);

    public override void Analyze(Deployment deployment, DiagnosticSink sink)
    {
        if (deployment.Git is not { } git)
        {
            return;
        }

        var groups = git.Tracked
            .Select(path => (Path: path, Reason: PathExclusions.GeneratedReason(path, deployment.VirtualEnvironments)))
            .Where(x => x.Reason is not null)
            .GroupBy(x => (Directory: JunkRoot(x.Path), x.Reason))
            .OrderBy(g => g.Key.Directory, StringComparer.Ordinal);
        foreach (var group in groups)
        {
            var first = group.Select(x => x.Path).Order(StringComparer.Ordinal).First();
            var count = group.Count();
            sink.Report(Create(Location.WholeFile(deployment.FullPath(first)), null,
                count == 1 ? "1 file is" : $"{count} files are", group.Key.Directory, group.Key.Reason));
        }
    }

    /// <summary>The directory to name: the first junk directory of the path (or the file for a lone .pyc).</summary>
    private static string JunkRoot(string path)
    {
        var parts = path.Split('/');
        for (var i = 0; i < parts.Length - 1; i++)
        {
            if (parts[i] is "__pycache__" or ".venv" or "venv" or "env" or "site-packages" or "node_modules" or ".git")
            {
                return string.Join('/', parts, 0, i + 1) + "/";
            }
        }

        return path;
    }
}
