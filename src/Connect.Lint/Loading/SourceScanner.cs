using System.Text.RegularExpressions;
using Connect.Lint.Rules.Model;

namespace Connect.Lint.Loading;

/// <summary>What one pass over the deployment's text files found.</summary>
public sealed record SourceScan(
    IReadOnlyList<Suppression> Suppressions, IReadOnlyList<SourceFinding> Findings, IReadOnlyList<SecretFile> Secrets, bool LooksLikeFlaskApp, IReadOnlyList<UnreadFile> Unread);

/// <summary>
/// Reads each text file of the deployment once (up to 1 MiB, binary files skipped) and looks for: noqa
/// comments, a Flask app, debug mode and literal secret keys in Python (outside <c>if __name__ == "__main__"</c>),
/// root-relative URLs in templates and redirects, credentials in source, and secret files.
/// </summary>
public static partial class SourceScanner
{
    private const long MaxBytes = 1024 * 1024;

    private static readonly string[] ConfigExtensions = [".cfg", ".ini", ".toml", ".yaml", ".yml", ".json", ".conf", ".txt"];
    private static readonly string[] TemplateExtensions = [".html", ".htm", ".jinja", ".jinja2", ".j2"];

    /// <summary>Other text files worth a look for a private-key block (data files are not read).</summary>
    private static readonly string[] TextExtensions = [".md", ".rst", ".sh", ".cnf", ".properties", ".xml", ".ipynb"];

    /// <param name="inventory">Files the inventory walk vetted (no symlink walk needed); others go through the whole policy.</param>
    public static SourceScan Scan(FileAccessPolicy policy, IEnumerable<string> files, IReadOnlySet<string> inventory)
    {
        var suppressions = new List<Suppression>();
        var findings = new List<SourceFinding>();
        var secrets = new List<SecretFile>();
        var unread = new List<UnreadFile>();
        var flask = false;
        foreach (var relative in files.Distinct(StringComparer.Ordinal))
        {
            if (SecretByName(relative) is { } byName)
            {
                secrets.Add(new SecretFile(relative, byName, 0));
            }

            if (!WorthReading(relative))
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
                continue; // binary: nothing to scan
            }

            var text = System.Text.Encoding.UTF8.GetString(bytes);
            var lines = new SourceText(full, text);

            if (SecretPatterns.PrivateKeyBlock().Match(text) is { Success: true } key)
            {
                secrets.Add(new SecretFile(relative, "a file holding a private key", lines.PositionOf(key.Index).Line));
            }
            else if (relative.EndsWith(".json", StringComparison.Ordinal) && text.Contains("\"service_account\"", StringComparison.Ordinal) &&
                     text.Contains("\"private_key\"", StringComparison.Ordinal))
            {
                secrets.Add(new SecretFile(relative, "a service-account key", 1));
            }

            if (relative.EndsWith(".py", StringComparison.Ordinal))
            {
                suppressions.AddRange(SuppressionScanner.Scan(full, text));
                flask |= FlaskImport().IsMatch(text) && FlaskConstruction().IsMatch(text);
                ScanPython(full, text, findings);
                ScanCredentials(full, text, lines, findings);
            }
            else if (TemplateExtensions.Any(e => relative.EndsWith(e, StringComparison.OrdinalIgnoreCase)))
            {
                ScanTemplate(full, text, lines, findings);
            }
            else if (ConfigExtensions.Any(e => relative.EndsWith(e, StringComparison.OrdinalIgnoreCase)) && relative != "manifest.json" &&
                     !Path.GetFileName(relative).StartsWith("requirements", StringComparison.Ordinal))
            {
                ScanCredentials(full, text, lines, findings);
            }
        }

        return new SourceScan(suppressions, findings, secrets, flask, unread);
    }

    /// <summary>Source, templates, configuration and other text files; not data (a 500 MB tree of .bin files is never read).</summary>
    private static bool WorthReading(string relative)
    {
        var extension = Path.GetExtension(relative);
        return extension.Length == 0 || extension is ".py" || SecretByName(relative) is not null ||
               TemplateExtensions.Contains(extension, StringComparer.OrdinalIgnoreCase) ||
               ConfigExtensions.Contains(extension, StringComparer.OrdinalIgnoreCase) ||
               TextExtensions.Contains(extension, StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>Why a file is a secret by its name, or null.</summary>
    public static string? SecretByName(string relative)
    {
        var name = Path.GetFileName(relative);
        var lower = name.ToLowerInvariant();
        if (PathExclusions.IsEnvFile(name))
        {
            return "an environment file with secrets";
        }

        if (lower.EndsWith(".pem") || lower.EndsWith(".key") || lower.EndsWith(".p12") || lower.EndsWith(".pfx") || lower.EndsWith(".keystore") || lower.EndsWith(".jks"))
        {
            return "a key or certificate store";
        }

        if ((lower.StartsWith("id_rsa") || lower.StartsWith("id_dsa") || lower.StartsWith("id_ecdsa") || lower.StartsWith("id_ed25519")) && !lower.EndsWith(".pub"))
        {
            return "an SSH private key";
        }

        return lower switch
        {
            ".netrc" or "_netrc" => "a .netrc with login credentials",
            ".pypirc" => "a .pypirc with package index credentials",
            "credentials.json" => "a credentials file",
            ".htpasswd" => "a password file",
            _ when lower.StartsWith("client_secret") && lower.EndsWith(".json") => "an OAuth client secret",
            _ => null,
        };
    }

    private static void ScanPython(string path, string text, List<SourceFinding> findings)
    {
        var guardIndent = -1;
        var lines = text.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].TrimEnd('\r');
            var code = StripComment(line);
            if (code.Trim().Length == 0)
            {
                continue;
            }

            var indent = code.Length - code.TrimStart().Length;
            if (guardIndent >= 0 && indent <= guardIndent)
            {
                guardIndent = -1;
            }

            if (MainGuard().IsMatch(code))
            {
                guardIndent = indent;
                continue;
            }

            var guarded = guardIndent >= 0;
            foreach (var (regex, kind) in new[] { (DebugOn(), "debug"), (LiteralSecretKey(), "secret-key"), (RootRedirect(), "redirect") })
            {
                foreach (Match match in regex.Matches(code))
                {
                    if (kind == "debug" && guarded)
                    {
                        continue;
                    }

                    var group = match.Groups["what"].Success ? match.Groups["what"] : match.Groups[0];
                    findings.Add(new SourceFinding(kind, path, i + 1, group.Index + 1, group.Index + group.Length + 1, group.Value));
                }
            }
        }
    }

    private static void ScanTemplate(string path, string text, SourceText lines, List<SourceFinding> findings)
    {
        foreach (Match match in TemplateUrl().Matches(text))
        {
            var url = match.Groups["url"];
            var (line, column) = lines.PositionOf(url.Index);
            findings.Add(new SourceFinding("template-url", path, line, column, column + url.Length, match.Groups["attribute"].Value + "=" + url.Value));
        }
    }

    private static void ScanCredentials(string path, string text, SourceText lines, List<SourceFinding> findings)
    {
        foreach (var (regex, kind) in new[] { (SecretPatterns.CredentialUri(), "credential-uri"), (SecretPatterns.CloudKey(), "cloud-key") })
        {
            foreach (Match match in regex.Matches(text))
            {
                var what = match.Groups["what"].Success ? match.Groups["what"] : match.Groups[0];
                if (kind == "credential-uri" && IsPlaceholder(match.Groups["password"].Value))
                {
                    continue;
                }

                var (line, column) = lines.PositionOf(what.Index);
                findings.Add(new SourceFinding(kind, path, line, column, column + what.Length, match.Groups["label"].Success ? match.Groups["label"].Value : what.Value));
            }
        }
    }

    private static bool IsPlaceholder(string password) =>
        password.Length == 0 || password.StartsWith('$') || password.StartsWith('{') || password.StartsWith('<') || password.StartsWith('%') ||
        password.Equals("password", StringComparison.OrdinalIgnoreCase) || password.Equals("pass", StringComparison.OrdinalIgnoreCase) ||
        password.All(c => c is '*' or 'x' or 'X');

    private static string StripComment(string line)
    {
        var hash = line.IndexOf('#');
        return hash < 0 || line[..hash].Count(c => c is '"' or '\'') % 2 == 1 ? line : line[..hash];
    }

    [GeneratedRegex(@"^\s*if\s+__name__\s*==\s*['""]__main__['""]\s*:")]
    private static partial Regex MainGuard();

    [GeneratedRegex(@"(?<what>\.debug\s*=\s*True\b|\[\s*['""]DEBUG['""]\s*\]\s*=\s*True\b|\bDEBUG\s*=\s*True\b|\bdebug\s*=\s*True\b)")]
    private static partial Regex DebugOn();

    [GeneratedRegex(@"(?:\.secret_key|\[\s*['""]SECRET_KEY['""]\s*\]|\bSECRET_KEY)\s*=\s*(?<what>[rbuRBU]?['""][^'""]+['""])")]
    private static partial Regex LiteralSecretKey();

    [GeneratedRegex(@"\bredirect\(\s*(?<what>['""]/(?:[^/'""][^'""]*)?['""])")]
    private static partial Regex RootRedirect();

    [GeneratedRegex(@"\b(?<attribute>href|src|action)\s*=\s*['""](?<url>/(?:[^/'""{}\s][^'""{}\s]*)?)['""]", RegexOptions.IgnoreCase)]
    private static partial Regex TemplateUrl();




    [GeneratedRegex(@"^\s*(from\s+flask\s+import\b|import\s+flask\b)", RegexOptions.Multiline)]
    private static partial Regex FlaskImport();

    [GeneratedRegex(@"\bFlask\s*\(")]
    private static partial Regex FlaskConstruction();
}
