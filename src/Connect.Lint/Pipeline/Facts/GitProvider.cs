using Connect.Lint.Loading;
using Connect.Lint.Rules.Analysis;
using Connect.Lint.Rules.Model;

namespace Connect.Lint.Pipeline.Facts;

/// <summary>
/// Git's index, ignore rules and attributes for the inventory (<see cref="GitState"/>); for a check of a commit, the
/// commit's files, the work tree's files it lacks (untracked, or added but not committed, and ignored), and how
/// the work tree differs from it.
/// </summary>
public sealed class GitProvider : IFactProvider
{
    public RuleNeeds Provides => RuleNeeds.Git;

    public bool StartsBeforeFiles => true;

    public string Activity => "asking Git";

    public Func<DeploymentFacts, DeploymentFacts> Gather(FactRequest request)
    {
        var directory = request.Project.Directory;
        if (request.Settings.Commit is { InPlace: true } same)
        {
            // The work tree holds exactly the commit's files here (CommitTree checked): nothing differs, nothing is missing.
            var none = new HashSet<string>(StringComparer.Ordinal);
            var inPlace = new GitFacts(same.RepositoryRoot, same.FilesIn(directory), none, none, none) { Changes = new WorkTreeChanges(same.Describe(), true, []) };
            return facts => facts with { Git = Fact<GitFacts>.Gathered(inPlace) };
        }

        if (request.Settings.Commit is { } commit)
        {
            var inRepository = commit.InRepositoryOf(directory);
            var changes = WorkTreeDiff.Against(commit.RepositoryRoot, commit.Sha, inRepository, untracked: null);
            // The work tree's files the commit lacks: "not committed" when the app imports one of them.
            var notCommitted = (changes ?? []).Where(c => c.Kind is WorkTreeChangeKind.Untracked or WorkTreeChangeKind.Added).Select(c => c.Path).ToHashSet(StringComparer.Ordinal);
            var ignored = WorkTreeDiff.Ignored(commit.RepositoryRoot, inRepository);
            var committed = new GitFacts(commit.RepositoryRoot, commit.FilesIn(directory), ignored, notCommitted, new HashSet<string>(StringComparer.Ordinal))
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
