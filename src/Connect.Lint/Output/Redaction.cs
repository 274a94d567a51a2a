using System.Collections;
using System.Text.RegularExpressions;
using Connect.Lint.Rules.Model;

namespace Connect.Lint.Output;

/// <summary>
/// Takes secrets out of text that leaves the tool: what <see cref="SecretPatterns"/> knows (URL credentials,
/// tokens, private keys, .netrc passwords, secret-named assignments) and the values of this process's
/// environment variables whose names say they are secret (as CI systems mask their secrets).
/// Two strengths: <see cref="Redact"/> for a user-derived value before it is formatted into a report (a message, a
/// title, a diff line), and <see cref="RedactSecretsOnly"/> for a finished line, where only the secret's own
/// characters may change: a secret-named assignment is recognised by its separator, and on a finished line that
/// separator can be the format's own syntax (GitHub's <c>title=ID name::</c>, a
/// <c>secrets.py:3:1:</c> location).
/// </summary>
public static class Redaction
{
    public const string Mask = "***";

    private const int MinimumEnvironmentSecretLength = 8;

    private static readonly Lazy<string[]> EnvironmentSecrets = new(ReadEnvironmentSecrets);

    public static string Redact(string text)
    {
        if (text.Length == 0)
        {
            return text;
        }

        // Assignments first: a name that is not secret keeps its value, which the second pass may still find a URL or token in.
        return RedactSecretsOnly(SecretPatterns.Assignment().Replace(text, MaskSecretAssignment));
    }

    /// <summary>
    /// Only what is a secret by its own shape (a URL's password, a known token, a key, a .netrc password, a secret
    /// environment variable's value): the mask replaces those characters and nothing around them, so it is safe on a
    /// finished line of any format.
    /// </summary>
    public static string RedactSecretsOnly(string text)
    {
        if (text.Length == 0)
        {
            return text;
        }

        var redacted = SecretPatterns.Redactable().Replace(text, Replacement);
        foreach (var value in EnvironmentSecrets.Value)
        {
            redacted = redacted.Replace(value, Mask, StringComparison.Ordinal);
        }

        return redacted;
    }

    /// <summary>True when <paramref name="text"/> holds something <see cref="Redact"/> would take out.</summary>
    public static bool HasSecret(string text) => Redact(text) != text;

    private static string Replacement(Match match)
    {
        var groups = match.Groups;
        if (groups["key"].Success)
        {
            return groups["key"].Value + " " + Mask;
        }

        if (groups["password"].Success)
        {
            return IsPlaceholder(groups["password"].Value) ? match.Value : groups["scheme"].Value + groups["user"].Value + ":" + Mask + "@";
        }

        if (groups["token"].Success)
        {
            return groups["scheme"].Value + Mask + "@";
        }

        if (groups["label"].Success)
        {
            return groups["label"].Value + Mask;
        }

        return groups["netrc"].Value + Mask;
    }

    private static string MaskSecretAssignment(Match match)
    {
        var groups = match.Groups;
        return SecretPatterns.NameSaysSecret(groups["name"].Value) && !IsPlaceholder(groups["value"].Value)
            ? groups["name"].Value + groups["separator"].Value + Mask + groups["end"].Value
            : match.Value;
    }

    /// <summary>Words that stand for a secret in examples and templates; masking them would only garble the text.</summary>
    private static bool IsPlaceholder(string value) =>
        value.Equals("password", StringComparison.OrdinalIgnoreCase) || value.Equals("pass", StringComparison.OrdinalIgnoreCase) ||
        value.Equals("secret", StringComparison.OrdinalIgnoreCase) || value.Equals("token", StringComparison.OrdinalIgnoreCase) ||
        value.Equals("changeme", StringComparison.OrdinalIgnoreCase) || value.Equals("None", StringComparison.Ordinal) ||
        value.All(c => c is '*' or 'x' or 'X' or '.' or '…');

    private static string[] ReadEnvironmentSecrets()
    {
        var values = new List<string>();
        foreach (DictionaryEntry entry in Environment.GetEnvironmentVariables())
        {
            if (entry is { Key: string name, Value: string value } && value.Length >= MinimumEnvironmentSecretLength &&
                (SecretPatterns.NameSaysSecret(name) || name.EndsWith("_KEY", StringComparison.OrdinalIgnoreCase)))
            {
                values.Add(value);
            }
        }

        // Longest first, so that a secret containing another is masked whole.
        return [.. values.Distinct(StringComparer.Ordinal).OrderByDescending(v => v.Length)];
    }
}
