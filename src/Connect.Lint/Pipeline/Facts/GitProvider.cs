using Connect.Lint.Loading;
using Connect.Lint.Rules.Analysis;
using Connect.Lint.Rules.Model;

namespace Connect.Lint.Pipeline.Facts;

/// <summary>Git's index, ignore rules and attributes for the inventory (<see cref="GitState"/>).</summary>
public sealed class GitProvider : IFactProvider
{
    public RuleNeeds Provides => RuleNeeds.Git;

    public bool StartsBeforeFiles => true;

    public string Activity => "asking Git";

    public Func<DeploymentFacts, DeploymentFacts> Gather(FactRequest request)
    {
        var (git, unavailable) = GitState.Read(request.Project.Directory, request.Project.Files);
        var fact = git is not null
            ? Fact<GitFacts>.Gathered(git)
            : Fact<GitFacts>.Unavailable($"{unavailable}: what Git would commit was not checked ({string.Join(", ", request.Plan.RulesNeeding(RuleNeeds.Git))})");
        return facts => facts with { Git = fact };
    }
}
