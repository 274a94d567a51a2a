namespace Connect.Lint.Rules.Model.Text;

/// <summary>What a text file of the deployment is, by its name: the loader reads these kinds, rules choose among them.</summary>
public enum TextFileKind
{
    Python,
    Template,
    Config,

    /// <summary>Documentation, scripts, dotfiles, key files: read only so that secrets in them are found.</summary>
    Other,
}

/// <summary>One text file of the deployment as read (UTF-8, at most the loader's size limit; binary files are never here).</summary>
public sealed record TextFile(string RelativePath, SourceText Source, TextFileKind Kind)
{
    public string FilePath => Source.FilePath;

    public string Text => Source.Text;

    public string Name => System.IO.Path.GetFileName(RelativePath);
}

/// <summary>Which files are worth reading as text, and as what. Data files (a 500 MB tree of .bin files) are never read.</summary>
public static class TextFileKinds
{
    private static readonly string[] ConfigExtensions = [".cfg", ".ini", ".toml", ".yaml", ".yml", ".json", ".conf", ".txt"];
    private static readonly string[] TemplateExtensions = [".html", ".htm", ".jinja", ".jinja2", ".j2"];
    private static readonly string[] OtherExtensions = [".md", ".rst", ".sh", ".cnf", ".properties", ".xml", ".ipynb", ".pem", ".key", ".p12", ".pfx", ".keystore", ".jks"];

    private static bool IsSshKeyName(string name) =>
        name.StartsWith("id_rsa", StringComparison.OrdinalIgnoreCase) || name.StartsWith("id_dsa", StringComparison.OrdinalIgnoreCase) ||
        name.StartsWith("id_ecdsa", StringComparison.OrdinalIgnoreCase) || name.StartsWith("id_ed25519", StringComparison.OrdinalIgnoreCase);

    private static bool IsCredentialDotfile(string name) =>
        PathExclusions.IsEnvFile(name) || name is ".netrc" or ".pypirc" or ".htpasswd";

    /// <summary>The kind of a relative path, or null when it is not read (data, images, archives).</summary>
    public static TextFileKind? Of(string relativePath)
    {
        var name = System.IO.Path.GetFileName(relativePath);
        var extension = System.IO.Path.GetExtension(name);
        if (extension.Equals(".py", StringComparison.Ordinal))
        {
            return TextFileKind.Python;
        }

        if (TemplateExtensions.Contains(extension, StringComparer.OrdinalIgnoreCase))
        {
            return TextFileKind.Template;
        }

        if (ConfigExtensions.Contains(extension, StringComparer.OrdinalIgnoreCase))
        {
            return TextFileKind.Config;
        }

        // Names without an extension (_netrc, Procfile), credential dotfiles (.env.production, .netrc, .pypirc,
        // .htpasswd) and SSH keys (id_rsa.old) are small and often secret; a binary key store is dropped by the reader.
        // Other dotfiles (.coverage, .gitignore) are not read: nothing looks in them.
        return extension.Length == 0 || IsCredentialDotfile(name) || IsSshKeyName(name) ||
               OtherExtensions.Contains(extension, StringComparer.OrdinalIgnoreCase)
            ? TextFileKind.Other
            : null;
    }
}
