using Connect.Lint.Rules.Model;
using Connect.Lint.Rules.Model.Python;
using Connect.Lint.Rules.Model.Requirements;

namespace Connect.Lint.Rules.Requirements;

/// <summary>A third-party top-level import of the deployed code, with the distribution that provides it.</summary>
public sealed record ImportedDistribution(string ImportName, string Distribution, string? Version, string File, StaticImport Import);

/// <summary>
/// Which distributions the deployed code imports: top-level imports in the modules the import reached (all
/// modules when it did not get far), not the standard library, not local modules, not optional imports,
/// mapped with the environment's metadata, or a table of well-known differences when it is not installed.
/// </summary>
public static class ImportedDistributions
{
    private static readonly Dictionary<string, string> WellKnown = new(StringComparer.Ordinal)
    {
        ["yaml"] = "PyYAML", ["sklearn"] = "scikit-learn", ["PIL"] = "Pillow", ["cv2"] = "opencv-python",
        ["bs4"] = "beautifulsoup4", ["dateutil"] = "python-dateutil", ["dotenv"] = "python-dotenv", ["jwt"] = "PyJWT",
        ["attr"] = "attrs", ["Crypto"] = "pycryptodome", ["MySQLdb"] = "mysqlclient", ["psycopg2"] = "psycopg2-binary",
        ["serial"] = "pyserial", ["magic"] = "python-magic", ["docx"] = "python-docx", ["pptx"] = "python-pptx",
        ["OpenSSL"] = "pyOpenSSL", ["git"] = "GitPython", ["ldap"] = "python-ldap", ["jose"] = "python-jose",
        ["multipart"] = "python-multipart", ["slugify"] = "python-slugify", ["google"] = "protobuf", ["zmq"] = "pyzmq",
        ["usb"] = "pyusb", ["Levenshtein"] = "python-Levenshtein", ["socketio"] = "python-socketio", ["win32api"] = "pywin32",
        ["win32com"] = "pywin32", ["skimage"] = "scikit-image", ["fitz"] = "PyMuPDF", ["gi"] = "PyGObject", ["wx"] = "wxPython",
    };

    public static IReadOnlyList<ImportedDistribution> For(Deployment deployment)
    {
        if (deployment.Python is not { } facts)
        {
            return [];
        }

        var stdlib = new HashSet<string>(facts.Environment?.Stdlib ?? [], StringComparer.Ordinal) { "__future__" };
        var reached = facts.Import?.LocalModules is { Count: > 0 } local ? new HashSet<string>(local, StringComparer.Ordinal) : null;
        var result = new List<ImportedDistribution>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var file in facts.Files.Where(f => reached is null || reached.Contains(f.File)))
        {
            foreach (var import in file.Imports.Where(i => i.Level == 0 && i.Module.Length > 0 && !i.Optional))
            {
                var top = import.Module.Split('.')[0];
                if (stdlib.Contains(top) || deployment.IsLocalModule(top) || !seen.Add(file.File + "\0" + top))
                {
                    continue;
                }

                var installed = facts.Packages?.TopLevel.GetValueOrDefault(top);
                var distribution = installed is { Count: > 0 } ? installed[0] : WellKnown.GetValueOrDefault(top) ?? top;
                var version = facts.Packages?.Versions.GetValueOrDefault(PackageNames.Normalize(distribution));
                result.Add(new ImportedDistribution(top, distribution, version, file.File, import));
            }
        }

        return result;
    }

    /// <summary>True when any of the distributions that provide the import is declared (or the import's own name).</summary>
    public static bool IsDeclared(Deployment deployment, ImportedDistribution imported, IReadOnlySet<string> declared)
    {
        var candidates = deployment.Python?.Packages?.TopLevel.GetValueOrDefault(imported.ImportName) ?? [];
        return candidates.Append(imported.Distribution).Append(imported.ImportName).Any(name => declared.Contains(PackageNames.Normalize(name)));
    }
}
