using Connect.Lint.Rules.Analysis;
using Connect.Lint.Rules.Model;
using Connect.Lint.Rules.Model.Python;

namespace Connect.Lint.Rules.Entrypoints;

/// <summary>
/// CL2012: the import failed because it read an environment variable that is neither set here nor declared in
/// [tool.connect-lint] vars. On Connect that is a Var to set for the content, not a broken app; reported at the line
/// that read it, instead of CL2002.
/// </summary>
public sealed class VarNotSet : PythonRule
{
    public override DiagnosticDescriptor Descriptor { get; } = Descriptors.Create(
        "CL2012", "var-not-set",
        "The import reads an environment variable that is neither set nor declared as a Connect Var",
        "importing '{0}' reads the environment variable {1}, which is not set here: on Connect, set {1} as a Var of the content; " +
        "add it to [tool.connect-lint] vars so that the check imports with it",
        RuleCategory.Entrypoint, Severity.Error, needs: RuleNeeds.PythonImport);

    protected override void AnalyzeFacts(Deployment deployment, PythonFacts facts, DiagnosticSink sink)
    {
        if (UnsetVariable(facts) is { } name)
        {
            sink.Report(Create(At(deployment, facts.Import!.Where, facts), null, facts.Import.Module, name));
        }
    }

    /// <summary>
    /// The variable whose absence stopped the import: a KeyError naming one the import read while it was unset
    /// (os.environ["DBUSER"]); null when the import failed otherwise.
    /// </summary>
    public static string? UnsetVariable(PythonFacts facts)
    {
        if (facts.Import is not { Outcome: ImportOutcome.Error, Error: { Type: "KeyError" } error } import)
        {
            return null;
        }

        var key = error.Message.Trim();
        key = key.Length >= 2 && key[0] == key[^1] && key[0] is '\'' or '"' ? key[1..^1] : key;
        return import.EnvironUnset.Contains(key, StringComparer.Ordinal) ? key : null;
    }
}
