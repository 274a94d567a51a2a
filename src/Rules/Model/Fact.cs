namespace Connect.Lint.Rules.Model;

/// <summary>Where a costly fact stands for one deployment: the plan did not ask for it, it was gathered, or it could not be.</summary>
public enum FactState
{
    NotAsked,
    Gathered,
    Unavailable,
}

/// <summary>
/// One fact beyond the files (Git's view, the import, the interpreter's versions, the rehearsal) with its state:
/// a rule that needs it is judged only when it is <see cref="FactState.Gathered"/>, and an unavailable fact says why.
/// </summary>
public sealed record Fact<T>
    where T : class
{
    private Fact(FactState state, T? value, string? reason) => (State, Value, Reason) = (state, value, reason);

    public FactState State { get; }

    /// <summary>The fact when gathered; null otherwise.</summary>
    public T? Value { get; }

    /// <summary>Why it could not be gathered (a sentence a person can act on); null unless unavailable.</summary>
    public string? Reason { get; }

    public bool IsGathered => State == FactState.Gathered;

    public static Fact<T> NotAsked { get; } = new(FactState.NotAsked, null, null);

    public static Fact<T> Gathered(T value) => new(FactState.Gathered, value, null);

    public static Fact<T> Unavailable(string reason) => new(FactState.Unavailable, null, reason);

    /// <summary>Gathered when there is a value, unavailable with the reason otherwise (a provider's answer).</summary>
    public static Fact<T> From(T? value, string? reason) => value is not null ? Gathered(value) : Unavailable(reason ?? "not gathered");

    /// <summary>The same state with another reason (the pipeline adds which rules went unjudged).</summary>
    public Fact<T> WithReason(string reason) => State == FactState.Unavailable ? Unavailable(reason) : this;
}
