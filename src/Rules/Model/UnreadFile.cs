namespace Connect.Lint.Rules.Model;

/// <summary>Why a file was not read: the access policy refused it, or a limit of the tool was reached.</summary>
public enum UnreadKind
{
    /// <summary>Outside the deployment, a symlink leading out, a special file, unreadable (CL9004).</summary>
    Refused,

    /// <summary>Too large to scan, an include chain cut short, an entry the tool cannot name (CL9005).</summary>
    Limit,
}

/// <summary>A file (or a part of the project) the tool did not read, so the checks that needed it did not see it.</summary>
/// <param name="RelativePath">Relative to the deployment, '/' separated.</param>
/// <param name="Reason">Why, for a person: "it is a symlink leading outside the deployment".</param>
/// <param name="Consequence">What was skipped because of it: "not scanned for credentials".</param>
public sealed record UnreadFile(string RelativePath, string Reason, string Consequence, UnreadKind Kind);
