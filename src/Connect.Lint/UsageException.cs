namespace Connect.Lint;

/// <summary>
/// A problem with what the user asked for (bad path, bad option): one line on stderr, exit code 2. write-manifest's
/// refusals exit 1 (<see cref="Refused"/>), as rsconnect's do: click's usage errors exit 2, its RSConnectException 1.
/// </summary>
public sealed class UsageException(string message, int exitCode = 2) : Exception(message)
{
    public int ExitCode { get; } = exitCode;

    /// <summary>The same message, as a refusal of what was asked (exit 1).</summary>
    public static UsageException Refused(string message) => new(message, 1);
}
