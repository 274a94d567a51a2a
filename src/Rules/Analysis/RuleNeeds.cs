namespace Connect.Lint.Rules.Analysis;

/// <summary>
/// The facts beyond the files that a rule reads. The pipeline gathers a fact only when an enabled rule needs it,
/// and a rule that needs what could not be gathered is not judged (its noqa comments are not called unused).
/// </summary>
[Flags]
public enum RuleNeeds
{
    None = 0,

    /// <summary>The bridge's import of the entrypoint (the project's interpreter runs the app's code).</summary>
    PythonImport = 1,

    /// <summary>The distributions installed in the project's environment.</summary>
    InstalledPackages = 2,

    /// <summary>Git's index, ignore rules and attributes for the deployment's files.</summary>
    Git = 4,

    /// <summary>The interpreter's Python and pip versions and locale (what a new manifest records), even without an import.</summary>
    InterpreterVersions = 8,

    /// <summary>The deploy rehearsal (check --rehearse): a fresh environment from the requirements, pip, the import, the requests.</summary>
    Rehearsal = 16,

    /// <summary>What pip resolves from the requirements (the closure Connect installs), when the installed metadata cannot tell.</summary>
    ResolvedClosure = 32,
}
