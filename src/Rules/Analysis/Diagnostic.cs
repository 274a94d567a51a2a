namespace Connect.Lint.Rules.Analysis;

/// <summary>One finding. Severity starts as the descriptor's default; configuration may change it.</summary>
public sealed record Diagnostic(DiagnosticDescriptor Descriptor, Location Location, string Message, Fix? Fix = null)
{
    public Severity Severity { get; init; } = Descriptor.DefaultSeverity;

    public string Id => Descriptor.Id;
}
