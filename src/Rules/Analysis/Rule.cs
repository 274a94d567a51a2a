using Connect.Lint.Rules.Model;

namespace Connect.Lint.Rules.Analysis;

/// <summary>
/// The base of every rule: a descriptor and a pure check of a deployment model. A rule owns its whole decision
/// (what it detects, its message, severity and fix); it never touches the disk, a process or git: the loader puts
/// every fact it needs into the model, and gathers the costly ones only when a rule declares it needs them.
/// </summary>
public abstract class Rule
{
    public abstract DiagnosticDescriptor Descriptor { get; }

    public abstract void Analyze(Deployment deployment, DiagnosticSink sink);

    /// <summary>
    /// What this rule needs for one deployment, once its files are loaded: the descriptor's needs, or fewer when the
    /// deployment shows that the rule will not use them (CL1001 needs the interpreter only where the manifest is missing).
    /// </summary>
    public virtual RuleNeeds NeedsFor(Deployment deployment) => Descriptor.Needs;

    protected Diagnostic Create(Location location, Fix? fix, params object?[] messageArguments) =>
        new(Descriptor, location, Descriptor.FormatMessage(messageArguments), fix);
}

/// <summary>Collects what rules report.</summary>
public sealed class DiagnosticSink
{
    private readonly List<Diagnostic> _diagnostics = [];

    public IReadOnlyList<Diagnostic> Diagnostics => _diagnostics;

    public void Report(Diagnostic diagnostic) => _diagnostics.Add(diagnostic);
}
