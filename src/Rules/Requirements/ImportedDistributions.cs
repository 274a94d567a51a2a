using Connect.Lint.Rules.Model;
using Connect.Lint.Rules.Model.Python;
using Connect.Lint.Rules.Model.Requirements;

namespace Connect.Lint.Rules.Requirements;

/// <summary>A top-level import of the deployed code that is neither the standard library nor one of the project's root modules.</summary>
public sealed record ReachedImport(string ImportName, string File, StaticImport Import);

public sealed record ImportedDistribution(string ImportName, string Distribution, string? Version, string File, StaticImport Import);

/// <summary>
/// Which distributions the deployed code imports: top-level imports in the modules the app reaches — those the import
/// loaded and those its import statements reach from the entrypoint (a train.py, tests/ or a script the app never
/// imports does not count) — not the standard library, not the project's own modules (at the root or anywhere below
/// it: a src/ package is never a requirement), not optional imports; mapped with the environment's metadata, or a
/// table of well-known differences when it is not installed.
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

        return Reached(deployment)
            .Where(i => !deployment.IsModuleBelowRoot(i.ImportName))
            .Select(i =>
            {
                var (distribution, version) = DistributionOf(facts, i.ImportName);
                return new ImportedDistribution(i.ImportName, distribution, version, i.File, i.Import);
            })
            .ToList();
    }

    /// <summary>
    /// The distribution that provides an import name and its installed version: the environment's metadata, else a
    /// table of well-known differences (yaml → PyYAML), else the import name itself.
    /// </summary>
    public static (string Distribution, string? Version) DistributionOf(PythonFacts facts, string importName)
    {
        var installed = facts.Packages?.TopLevel.GetValueOrDefault(importName);
        var distribution = installed is { Count: > 0 } ? installed[0] : WellKnown.GetValueOrDefault(importName) ?? importName;
        return (distribution, facts.Packages?.Versions.GetValueOrDefault(PackageNames.Normalize(distribution)));
    }

    /// <summary>Each non-stdlib, non-root-local top-level import of the modules the app reaches, once per file.</summary>
    public static IReadOnlyList<ReachedImport> Reached(Deployment deployment)
    {
        if (deployment.Python is not { } facts)
        {
            return [];
        }

        var stdlib = new HashSet<string>(facts.Environment?.Stdlib ?? [], StringComparer.Ordinal) { "__future__" };
        var reached = StaticLocalModules.ReachedByApp(deployment, facts);
        var result = new List<ReachedImport>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var file in facts.Files.Where(f => reached.Contains(f.File)))
        {
            foreach (var import in file.Imports.Where(i => i.Level == 0 && i.Module.Length > 0 && !i.Optional))
            {
                var top = import.Module.Split('.')[0];
                if (!stdlib.Contains(top) && !deployment.IsLocalModule(top) && seen.Add(file.File + "\0" + top))
                {
                    result.Add(new ReachedImport(top, file.File, import));
                }
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
