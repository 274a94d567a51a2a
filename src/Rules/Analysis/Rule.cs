using Connect.Lint.Rules.Model;

namespace Connect.Lint.Rules.Analysis;

/// <summary>
/// The base of every rule: a descriptor and a pure check of a deployment model. Rules never touch the disk,
/// a process or git; the loader puts every fact they need into the model.
/// </summary>
public abstract class Rule
{
    public abstract DiagnosticDescriptor Descriptor { get; }

    public abstract void Analyze(Deployment deployment, DiagnosticSink sink);

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
