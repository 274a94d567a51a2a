using Connect.Lint.Rules.Model;
using Connect.Lint.Rules.Model.Text;

namespace Connect.Lint.Loading;

/// <summary>What one pass over the deployment's text files read: the texts (relative path → text), and what was refused.</summary>
public sealed record TextFiles(IReadOnlyList<KeyValuePair<string, string>> Texts, IReadOnlyList<UnreadFile> Unread)
{
    public static readonly TextFiles None = new([], []);
}

/// <summary>
/// Reads each text file of the deployment once (up to 1 MiB; binary files dropped) through the file-access policy.
/// Their kinds and noqa comments are the assembler's (<see cref="DeploymentAssembler"/>); it produces facts only: what a rule looks for in the text is the rule's business.
/// </summary>
public static class TextFileReader
{
    private const long MaxBytes = 1024 * 1024;

    /// <param name="inventory">Files the inventory walk vetted (no symlink walk needed); others go through the whole policy.</param>
    public static TextFiles Read(FileAccessPolicy policy, IEnumerable<string> files, IReadOnlySet<string> inventory)
    {
        var texts = new List<KeyValuePair<string, string>>();
        var unread = new List<UnreadFile>();
        foreach (var relative in files.Distinct(StringComparer.Ordinal))
        {
            if (TextFileKinds.Of(relative) is null)
            {
                continue;
            }

            var full = Path.Combine(policy.Root, relative);
            var read = policy.Read(full, MaxBytes, vetted: inventory.Contains(relative));
            if (read.Bytes is not { } bytes)
            {
                if (read.Refusal is { } refusal)
                {
                    unread.Add(new UnreadFile(relative, refusal.Reason, "it was not scanned for secrets, settings or noqa comments", refusal.UnreadKind));
                }

                continue;
            }

            if (bytes.AsSpan(0, Math.Min(bytes.Length, 8192)).IndexOf((byte)0) >= 0)
            {
                continue; // binary: no text to look at
            }

            texts.Add(new(relative, System.Text.Encoding.UTF8.GetString(bytes)));
        }

        return new TextFiles(texts, unread);
    }
}
