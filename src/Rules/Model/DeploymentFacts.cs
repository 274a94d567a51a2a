using Connect.Lint.Rules.Analysis;

namespace Connect.Lint.Rules.Model;

/// <summary>
/// The costly facts of one deployment, one per provider of the fact plan, each gathered, unavailable (with a reason)
/// or not asked. <see cref="Has"/> answers, per <see cref="RuleNeeds"/> flag, whether a rule that needs it can be judged.
/// </summary>
public sealed record DeploymentFacts
{
    public static DeploymentFacts None { get; } = new();

    /// <summary>Git's index, ignore rules and attributes for the deployment's files.</summary>
    public Fact<GitFacts> Git { get; init; } = Fact<GitFacts>.NotAsked;

    /// <summary>The bridge's answer: the import (or only the static facts), and the installed distributions when asked.</summary>
    public Fact<Python.PythonFacts> Python { get; init; } = Fact<Python.PythonFacts>.NotAsked;

    /// <summary>The interpreter's versions and locale from a short query, when the import did not report them.</summary>
    public Fact<Python.EnvironmentFacts> InterpreterVersions { get; init; } = Fact<Python.EnvironmentFacts>.NotAsked;

    /// <summary>What the project declares as environment.python.requires, read with the interpreter's versions (what a new manifest records).</summary>
    public Manifest.PythonRequiresDeclaration DeclaredPythonRequires { get; init; } = Manifest.PythonRequiresDeclaration.None;

    /// <summary>What the deploy rehearsal showed (check --rehearse).</summary>
    public Fact<Rehearsal.RehearsalFacts> Rehearsal { get; init; } = Fact<Rehearsal.RehearsalFacts>.NotAsked;

    /// <summary>
    /// pip's resolution of the requirements (what Connect installs); asked only when a declared distribution is not
    /// installed where the check runs, so that its dependencies are unseen.
    /// </summary>
    public Fact<Requirements.ResolvedClosure> Closure { get; init; } = Fact<Requirements.ResolvedClosure>.NotAsked;

    /// <summary>True when every fact of <paramref name="needs"/> was gathered: a rule with those needs was judged.</summary>
    public bool Has(RuleNeeds needs) => EachNeed.Where(n => needs.HasFlag(n)).All(StateOf);

    private static readonly RuleNeeds[] EachNeed = Enum.GetValues<RuleNeeds>().Where(n => n != RuleNeeds.None).ToArray();

    private bool StateOf(RuleNeeds need) => need switch
    {
        RuleNeeds.PythonImport => Python.IsGathered,
        RuleNeeds.InstalledPackages => Python.Value?.Packages is not null,
        RuleNeeds.Git => Git.IsGathered,
        RuleNeeds.InterpreterVersions => InterpreterVersions.IsGathered || Python.Value?.Environment is not null,
        RuleNeeds.Rehearsal => Rehearsal.IsGathered,
        RuleNeeds.ResolvedClosure => Closure.IsGathered,
        _ => throw new ArgumentOutOfRangeException(nameof(need), need, "a need without a fact"),
    };
}
