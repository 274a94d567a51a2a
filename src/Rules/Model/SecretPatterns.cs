using System.Text.RegularExpressions;

namespace Connect.Lint.Rules.Model;

/// <summary>
/// What a secret looks like, in one place: the source scan finds them with these patterns (CL4002, CL5004) and
/// every report is redacted with the same ones, so a secret the linter knows how to find is one it never prints.
/// Every pattern costs a bounded amount per match attempt (bounded quantifiers, fixed prefixes, lookbehinds
/// that start a match only where a run starts): linear in the input, whatever the input.
/// </summary>
public static partial class SecretPatterns
{
    /// <summary><c>scheme://user:password@host…</c>; groups <c>what</c>, <c>label</c> (the scheme), <c>password</c>.</summary>
    [GeneratedRegex(@"(?<what>(?<![a-zA-Z0-9+.])(?<label>[a-zA-Z][a-zA-Z0-9+.-]*)://[^\s/:@'""]+:(?<password>[^\s/@'""]+)@[^\s'""]+)")]
    public static partial Regex CredentialUri();

    /// <summary>Well-known token and key formats (high precision: each has a fixed prefix); group <c>label</c> is the prefix.</summary>
    [GeneratedRegex(
        @"(?<what>\b(?:(?<label>AKIA|ASIA)[0-9A-Z]{16}|(?<label>gh[pousr]_)[A-Za-z0-9]{36,}|(?<label>github_pat_)[A-Za-z0-9_]{60,}|" +
        @"(?<label>xox[baprs]-)[A-Za-z0-9-]{10,}|(?<label>AIza)[0-9A-Za-z_-]{35}|(?<label>[sr]k_live_)[0-9a-zA-Z]{24,}|" +
        @"(?<label>glpat-)[A-Za-z0-9_-]{20,}|(?<label>pypi-)[A-Za-z0-9_-]{50,}|(?<label>npm_)[A-Za-z0-9]{36})\b)")]
    public static partial Regex CloudKey();

    /// <summary>The first line of a PEM private key.</summary>
    [GeneratedRegex(@"-----BEGIN (?:RSA |EC |DSA |OPENSSH |ENCRYPTED |PGP )?PRIVATE KEY( BLOCK)?-----")]
    public static partial Regex PrivateKeyBlock();

    /// <summary>
    /// What a report must not carry, one alternation (one pass per line): a private-key block (its body too when it
    /// is on the same line, e.g. escaped in a message), the password or a token-like user of a URL's userinfo, a
    /// known token, a .netrc password. Every quantifier is bounded or starts after a fixed prefix, and each scheme
    /// starts a run (lookbehind), so a match attempt costs a bounded amount: linear in the line.
    /// </summary>
    [GeneratedRegex(
        @"(?<key>-----BEGIN [A-Z ]{0,40}PRIVATE KEY(?: BLOCK)?-----)(?:[A-Za-z0-9+/=:,. \t-]|\\[nr]){0,20000}(?:-----END [A-Z ]{0,40}PRIVATE KEY(?: BLOCK)?-----)?" +
        @"|(?<![A-Za-z0-9+.])(?<scheme>[A-Za-z][A-Za-z0-9+.-]{0,31}://)(?<user>[^\s/:@'""]{0,256}):(?<password>[^\s/'""]{1,256})@" +
        @"|(?<![A-Za-z0-9+.])(?<scheme>[A-Za-z][A-Za-z0-9+.-]{0,31}://)(?<token>[A-Za-z0-9_.~-]{16,256})@" +
        @"|\b(?<label>AKIA|ASIA)[0-9A-Z]{16}\b|\b(?<label>gh[pousr]_)[A-Za-z0-9]{36,}\b|\b(?<label>github_pat_)[A-Za-z0-9_]{22,}" +
        @"|\b(?<label>xox[baprs]-)[A-Za-z0-9-]{10,}|\b(?<label>AIza)[0-9A-Za-z_-]{35}\b|\b(?<label>[sr]k_live_)[0-9a-zA-Z]{24,}" +
        @"|\b(?<label>glpat-)[A-Za-z0-9_-]{20,}|\b(?<label>pypi-)[A-Za-z0-9_-]{50,}|\b(?<label>npm_)[A-Za-z0-9]{36}\b" +
        @"|(?<netrc>\blogin[ \t]{1,16}[^\s]{1,256}[ \t]{1,16}password[ \t]{1,16})[^\s'""]{1,256}")]
    public static partial Regex Redactable();

    /// <summary>
    /// An assignment <c>name = value</c> (also <c>name: value</c>, quoted or not). Whether the name says "secret" is
    /// decided by the caller, so the name is matched whole, once (it starts a run: lookbehind), and bounded.
    /// </summary>
    [GeneratedRegex(
        @"(?<![A-Za-z0-9_.-])(?<name>[A-Za-z0-9_.-]{1,128})(?<separator>['""]?[ \t]{0,16}[:=][ \t]{0,16}[rbuRBU]?['""]?)" +
        @"(?<value>[^\s'""\\$%{<*()\[\]][^\s'""\\()\[\]{}<>,;]{3,256})(?<end>['""\s,;]|$)")]
    public static partial Regex Assignment();

    /// <summary>Names of settings that hold secrets: PASSWORD, SECRET, TOKEN, API_KEY, ACCESS_KEY, PRIVATE_KEY, in any case.</summary>
    public static bool NameSaysSecret(string name)
    {
        var upper = name.ToUpperInvariant().Replace("_", string.Empty, StringComparison.Ordinal).Replace("-", string.Empty, StringComparison.Ordinal);
        return upper.Contains("PASSWORD", StringComparison.Ordinal) || upper.Contains("PASSWD", StringComparison.Ordinal) ||
               upper.Contains("SECRET", StringComparison.Ordinal) || upper.Contains("TOKEN", StringComparison.Ordinal) ||
               upper.Contains("APIKEY", StringComparison.Ordinal) || upper.Contains("ACCESSKEY", StringComparison.Ordinal) ||
               upper.Contains("PRIVATEKEY", StringComparison.Ordinal) || upper.Contains("CREDENTIAL", StringComparison.Ordinal);
    }
}
