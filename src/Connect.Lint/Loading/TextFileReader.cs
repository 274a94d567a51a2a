using Connect.Lint.Rules.Model;
using Connect.Lint.Rules.Model.Text;

namespace Connect.Lint.Loading;

/// <summary>What one pass over the deployment's text files read: the texts, their noqa comments, and what was refused.</summary>
public sealed record TextFiles(IReadOnlyList<TextFile> Files, IReadOnlyList<Suppression> Suppressions, IReadOnlyList<UnreadFile> Unread)
{
    public static readonly TextFiles None = new([], [], []);
}

/// <summary>
/// Reads each text file of the deployment once (up to 1 MiB; binary files dropped) through the file-access policy.
/// It produces facts only: what a rule looks for in the text is the rule's business.
/// </summary>
public static class TextFileReader
{
    private const long MaxBytes = 1024 * 1024;

    /// <param name="inventory">Files the inventory walk vetted (no symlink walk needed); others go through the whole policy.</param>
    public static TextFiles Read(FileAccessPolicy policy, IEnumerable<string> files, IReadOnlySet<string> inventory)
    {
        var texts = new List<TextFile>();
        var suppressions = new List<Suppression>();
        var unread = new List<UnreadFile>();
        foreach (var relative in files.Distinct(StringComparer.Ordinal))
        {
            if (TextFileKinds.Of(relative) is not { } kind)
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

            var text = System.Text.Encoding.UTF8.GetString(bytes);
            texts.Add(new TextFile(relative, new SourceText(full, text), kind));
            if (kind == TextFileKind.Python)
            {
                suppressions.AddRange(SuppressionScanner.Scan(full, text));
            }
        }

        return new TextFiles(texts, suppressions, unread);
    }
}
