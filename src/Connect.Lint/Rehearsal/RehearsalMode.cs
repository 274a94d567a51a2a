namespace Connect.Lint.Rehearsal;

/// <summary>How much of Connect's deploy `check --rehearse` acts out.</summary>
public enum RehearsalMode
{
    /// <summary>No rehearsal (the default): the checks reason about the environment you test in.</summary>
    Off,

    /// <summary>--rehearse=import: a fresh environment, pip install, the import; no requests.</summary>
    Import,

    /// <summary>--rehearse: all of import, then one request to every parameterless GET route under the path prefix.</summary>
    Full,
}

public static class RehearsalModes
{
    /// <summary>The words the command line and [tool.connect-lint] rehearse take.</summary>
    public static RehearsalMode? Parse(string? word) => word switch
    {
        null or "full" or "true" => RehearsalMode.Full,
        "import" => RehearsalMode.Import,
        "off" or "false" => RehearsalMode.Off,
        _ => null,
    };

    public static string Name(this RehearsalMode mode) => mode switch
    {
        RehearsalMode.Full => "full",
        RehearsalMode.Import => "import",
        _ => "off",
    };
}
