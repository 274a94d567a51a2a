using Connect.Lint.Python;
using Connect.Lint.Rules.Analysis;
using Connect.Lint.Rules.Model;
using Connect.Lint.Rules.Model.Python;

namespace Connect.Lint.Pipeline.Facts;

/// <summary>
/// The interpreter's Python and pip versions and locale from a short query that imports nothing (not asked when the
/// import already reported them), and the python requires the project declares: what a new manifest records.
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
        var declared = Loading.PythonRequiresSource.Find(deployment.Directory);
        if (deployment.Python?.Environment is not null)
        {
            return facts => facts with { DeclaredPythonRequires = declared };
        }

        var fact = request.Settings.Interpreter is { } interpreter
            ? Fact<EnvironmentFacts>.From(PythonEnvironmentQuery.Run(interpreter, QueryTimeout, out var problem)?.Facts, problem)
            : Fact<EnvironmentFacts>.Unavailable("no Python interpreter found; pass --python");
        return facts => facts with { InterpreterVersions = fact, DeclaredPythonRequires = declared };
    }
}
