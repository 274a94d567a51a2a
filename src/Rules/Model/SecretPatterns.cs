using System.Text.RegularExpressions;

namespace Connect.Lint.Rules.Model;

/// <summary>
/// What a secret looks like, in one place: the source scan finds them with these patterns (CL4002, CL5004) and
/// every report is redacted with the same ones, so a secret the linter knows how to find is one it never prints.
/// All patterns are non-backtracking: linear in the input, whatever the input.
/// </summary>
public static partial class SecretPatterns
{
    /// <summary><c>scheme://user:password@host…</c>; groups <c>what</c>, <c>label</c> (the scheme), <c>password</c>.</summary>
    [GeneratedRegex(@"(?<what>(?<label>[a-zA-Z][a-zA-Z0-9+.-]*)://[^\s/:@'""]+:(?<password>[^\s/@'""]+)@[^\s'""]+)", RegexOptions.NonBacktracking)]
    public static partial Regex CredentialUri();

    /// <summary>Well-known token and key formats (high precision: each has a fixed prefix); group <c>label</c> is the prefix.</summary>
    [GeneratedRegex(
        @"(?<what>\b(?:(?<label>AKIA|ASIA)[0-9A-Z]{16}|(?<label>gh[pousr]_)[A-Za-z0-9]{36,}|(?<label>github_pat_)[A-Za-z0-9_]{60,}|" +
        @"(?<label>xox[baprs]-)[A-Za-z0-9-]{10,}|(?<label>AIza)[0-9A-Za-z_-]{35}|(?<label>[sr]k_live_)[0-9a-zA-Z]{24,}|" +
        @"(?<label>glpat-)[A-Za-z0-9_-]{20,}|(?<label>pypi-)[A-Za-z0-9_-]{50,}|(?<label>npm_)[A-Za-z0-9]{36})\b)",
        RegexOptions.NonBacktracking)]
    public static partial Regex CloudKey();

    /// <summary>The first line of a PEM private key.</summary>
    [GeneratedRegex(@"-----BEGIN (?:RSA |EC |DSA |OPENSSH |ENCRYPTED |PGP )?PRIVATE KEY( BLOCK)?-----", RegexOptions.NonBacktracking)]
    public static partial Regex PrivateKeyBlock();

    /// <summary>
    /// Everything a report must not carry, as one alternation (one pass per line): a private-key block (its body
    /// too, when it is on the same line, e.g. escaped in a message), the password or a token-like user of a URL's
    /// userinfo, a known token, a .netrc password, and the value of an assignment whose name says it is secret.
    /// </summary>
    [GeneratedRegex(
        @"(?<key>-----BEGIN [A-Z ]*PRIVATE KEY(?: BLOCK)?-----)(?:[A-Za-z0-9+/=:,. \t-]|\\[nr])*(?:-----END [A-Z ]*PRIVATE KEY(?: BLOCK)?-----)?" +
        @"|(?<scheme>[A-Za-z][A-Za-z0-9+.-]*://)(?<user>[^\s/:@'""]*):(?<password>[^\s/'""]+)@" +
        @"|(?<scheme>[A-Za-z][A-Za-z0-9+.-]*://)(?<token>[A-Za-z0-9_.~-]{16,})@" +
        @"|\b(?<label>AKIA|ASIA)[0-9A-Z]{16}\b|\b(?<label>gh[pousr]_)[A-Za-z0-9]{36,}\b|\b(?<label>github_pat_)[A-Za-z0-9_]{22,}" +
        @"|\b(?<label>xox[baprs]-)[A-Za-z0-9-]{10,}|\b(?<label>AIza)[0-9A-Za-z_-]{35}\b|\b(?<label>[sr]k_live_)[0-9a-zA-Z]{24,}" +
        @"|\b(?<label>glpat-)[A-Za-z0-9_-]{20,}|\b(?<label>pypi-)[A-Za-z0-9_-]{50,}|\b(?<label>npm_)[A-Za-z0-9]{36}\b" +
        @"|(?<netrc>\blogin\s+\S+\s+password\s+)[^\s'""]+" +
        @"|(?<assign>\b[A-Za-z0-9_.-]*(?:[Pp][Aa][Ss][Ss][Ww][Oo][Rr][Dd]|[Pp][Aa][Ss][Ss][Ww][Dd]|[Ss][Ee][Cc][Rr][Ee][Tt]|[Tt][Oo][Kk][Ee][Nn]|" +
        @"[Aa][Pp][Ii]_?[Kk][Ee][Yy]|[Aa][Cc][Cc][Ee][Ss][Ss]_?[Kk][Ee][Yy]|[Pp][Rr][Ii][Vv][Aa][Tt][Ee]_?[Kk][Ee][Yy])[A-Za-z0-9_.-]*['""]?\s*[:=]\s*[rbuRBU]?['""]?)" +
        @"(?<value>[^\s'""\\$%{<*()\[\]][^\s'""\\()\[\]{}<>,;]{3,})(?<end>['""\s,;]|$)",
        RegexOptions.NonBacktracking)]
    public static partial Regex Redactable();
}
