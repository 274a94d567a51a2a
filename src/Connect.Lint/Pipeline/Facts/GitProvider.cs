using Connect.Lint.Loading;
using Connect.Lint.Rules.Analysis;
using Connect.Lint.Rules.Model;

namespace Connect.Lint.Pipeline.Facts;

/// <summary>
/// Git's index, ignore rules and attributes for the inventory (<see cref="GitState"/>); for a check of a commit, the
/// commit's files (all of them committed, none ignored) and how the work tree differs from it.
/// </summary>
public sealed class GitProvider : IFactProvider
{
    public RuleNeeds Provides => RuleNeeds.Git;

    public bool StartsBeforeFiles => true;

    public string Activity => "asking Git";

    public Func<DeploymentFacts, DeploymentFacts> Gather(FactRequest request)
    {
        var directory = request.Project.Directory;
        if (request.Settings.Commit is { } commit)
        {
            var inRepository = Path.GetRelativePath(commit.Root, directory).Replace('\\', '/');
            var changes = WorkTreeDiff.Against(commit.RepositoryRoot, commit.Sha, inRepository == "." ? string.Empty : inRepository, untracked: null);
            var none = new HashSet<string>(StringComparer.Ordinal);
            var committed = new GitFacts(commit.RepositoryRoot, commit.FilesIn(directory), none, none, none)
            {
                Changes = changes is null ? null : new WorkTreeChanges(commit.Describe(), true, changes),
            };
            return facts => facts with { Git = Fact<GitFacts>.Gathered(committed) };
        }

        var (git, unavailable) = GitState.Read(directory, request.Project.Files);
        var fact = git is not null
            ? Fact<GitFacts>.Gathered(git)
            : Fact<GitFacts>.Unavailable($"{unavailable}: what Git would commit was not checked ({string.Join(", ", request.Plan.RulesNeeding(RuleNeeds.Git))})");
        return facts => facts with { Git = fact };
    }
}
