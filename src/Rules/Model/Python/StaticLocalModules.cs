namespace Connect.Lint.Rules.Model.Python;

/// <summary>
/// The deployment's own modules the entrypoint reaches through its import statements, read from the static
/// (ast) facts: what the app needs even when its import failed or was never run. Imports are followed
/// transitively, absolute and relative, to files of the inventory (module.py or package/__init__.py).
/// </summary>
public static class StaticLocalModules
{
    /// <summary>
    /// The project's files the app reaches, the files Connect runs: those the import loaded, with those its import
    /// statements reach from the entrypoint (an import that failed half-way loaded only part of them). Tests, tooling
    /// scripts and modules nothing imports are not among them; nothing is reached when the entrypoint is not found.
    /// </summary>
    public static IReadOnlySet<string> ReachedByApp(Deployment deployment, PythonFacts facts)
    {
        var reached = new HashSet<string>(facts.Import?.LocalModules ?? [], StringComparer.Ordinal);
        reached.UnionWith(Reached(deployment, facts.Entrypoint.Split(':')[0]));
        return reached;
    }

    public static IReadOnlyList<string> Reached(Deployment deployment, string entryModule)
    {
        var facts = (deployment.Python?.Files ?? []).ToDictionary(f => f.File, StringComparer.Ordinal);
        var files = new HashSet<string>(deployment.ProjectFiles, StringComparer.Ordinal);
        var reached = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var pending = new Queue<string>(FilesOf(entryModule, files));
        while (pending.Count > 0)
        {
            var file = pending.Dequeue();
            if (!seen.Add(file))
            {
                continue;
            }

            reached.Add(file);
            if (!facts.TryGetValue(file, out var fileFacts))
            {
                continue;
            }

            foreach (var import in fileFacts.Imports)
            {
                var module = Absolute(file, import);
                if (module is null)
                {
                    continue;
                }

                // "from pkg import mod" may name a submodule: try pkg.mod as well as pkg.
                var names = (import.Names ?? []).Where(n => n != "*").Select(n => module.Length == 0 ? n : module + "." + n);
                foreach (var candidate in names.Prepend(module).Where(m => m.Length > 0))
                {
                    foreach (var found in FilesOf(candidate, files))
                    {
                        pending.Enqueue(found);
                    }
                }
            }
        }

        return reached;
    }

    /// <summary>The files that make up a dotted module: each package's __init__.py on the way, then the module itself.</summary>
    private static IEnumerable<string> FilesOf(string dotted, HashSet<string> files)
    {
        var parts = dotted.Split('.');
        for (var i = 1; i <= parts.Length; i++)
        {
            var path = string.Join('/', parts, 0, i);
            if (files.Contains(path + "/__init__.py"))
            {
                yield return path + "/__init__.py";
            }
            else if (i == parts.Length && files.Contains(path + ".py"))
            {
                yield return path + ".py";
            }
        }
    }

    /// <summary>The absolute module name of an import in <paramref name="file"/>; null when a relative import climbs out of the deployment.</summary>
    private static string? Absolute(string file, StaticImport import)
    {
        if (import.Level == 0)
        {
            return import.Module;
        }

        var package = file.Split('/')[..^1].ToList();
        for (var level = 1; level < import.Level; level++)
        {
            if (package.Count == 0)
            {
                return null;
            }

            package.RemoveAt(package.Count - 1);
        }

        var prefix = string.Join('.', package);
        return import.Module.Length == 0 ? prefix : prefix.Length == 0 ? import.Module : prefix + "." + import.Module;
    }
}
