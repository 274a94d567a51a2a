namespace Connect.Lint;

/// <summary>A problem with what the user asked for (bad path, bad option): one line on stderr, exit code 2.</summary>
public sealed class UsageException(string message) : Exception(message);
