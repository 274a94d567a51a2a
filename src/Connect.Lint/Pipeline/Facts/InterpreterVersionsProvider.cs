using Connect.Lint.Python;
using Connect.Lint.Rules.Analysis;
using Connect.Lint.Rules.Model;
using Connect.Lint.Rules.Model.Python;

namespace Connect.Lint.Pipeline.Facts;

/// <summary>
/// The interpreter's Python and pip versions and locale (what a new manifest records) from a short query that
/// imports nothing; not asked when the import already reported them.
/// </summary>
public sealed class InterpreterVersionsProvider : IFactProvider
{
    /// <summary>How long the query may take: it imports nothing of the project, so this is generous.</summary>
    private static readonly TimeSpan QueryTimeout = TimeSpan.FromSeconds(30);

    public RuleNeeds Provides => RuleNeeds.InterpreterVersions;

    public bool StartsBeforeFiles => false;

    public string Activity => "asking the interpreter's versions";

    public Func<DeploymentFacts, DeploymentFacts> Gather(FactRequest request)
    {
        var deployment = request.Loaded;
        if (deployment.Python?.Environment is not null)
        {
            return facts => facts;
        }

        if (request.Settings.Interpreter is not { } interpreter)
        {
            return facts => facts with { InterpreterVersions = Fact<EnvironmentFacts>.Unavailable("no Python interpreter found; pass --python") };
        }

        var answer = PythonEnvironmentQuery.Run(interpreter, QueryTimeout, out var problem);
        var fact = Fact<EnvironmentFacts>.From(answer?.Facts, problem);
        return facts => facts with { InterpreterVersions = fact };
    }
}
