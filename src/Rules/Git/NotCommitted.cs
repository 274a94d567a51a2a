using Connect.Lint.Rules.Analysis;
using Connect.Lint.Rules.Model;

namespace Connect.Lint.Rules.Git;

/// <summary>CL4001: a file the deployment needs is untracked or ignored, so Connect's Git checkout lacks it.</summary>
public sealed class NotCommitted : Rule
{
    public override DiagnosticDescriptor Descriptor { get; } = Descriptors.Create(
        "CL4001", "not-committed",
        "A file the deployment needs is not committed",
        "{0} {1} but {2}: Connect's checkout of the branch will not have it",
        RuleCategory.Git, Severity.Error, needs: RuleNeeds.Git, uses: RuleNeeds.PythonImport);

    public override void Analyze(Deployment deployment, DiagnosticSink sink)
    {
        if (deployment.Git is not { } git || deployment.Manifest?.IsConnectManifest == false)
        {
            return;
        }

        foreach (var (path, role) in Needed(deployment))
        {
            var state = git.StateOf(path);
            if (state is "untracked" or "ignored" && File(deployment, path))
            {
                var why = state == "ignored" ? "it is ignored by .gitignore" : "it is not committed (untracked)";
                sink.Report(Create(Location.WholeFile(deployment.FullPath(path)), null, path, role, why));
            }
        }
    }

    /// <summary>
    /// What Connect needs from the checkout: the manifest, the requirements chain, every file the manifest lists,
    /// the entrypoint and every local module it imports — found from the import statements (static facts), so
    /// this does not depend on the import succeeding, and from the import itself when it ran.
    /// </summary>
    private static IEnumerable<(string Path, string Role)> Needed(Deployment deployment)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        IEnumerable<(string, string)> All()
        {
            yield return ("manifest.json", "is the deployment's manifest");
            foreach (var file in deployment.Requirements)
            {
                yield return (Relative(deployment, file.FilePath), "lists the packages Connect installs");
            }

            if (deployment.Manifest?.Entrypoint?.Value is { } entrypoint && Entrypoint.SyntaxProblem(entrypoint) is null)
            {
                var dotted = Entrypoint.Parse(entrypoint).Module;
                var module = dotted.Replace('.', '/');
                yield return (module + ".py", "is the entrypoint module");
                yield return (module + "/__init__.py", "is the entrypoint package");
                foreach (var local in Model.Python.StaticLocalModules.Reached(deployment, dotted))
                {
                    yield return (local, "is imported by the app");
                }
            }

            foreach (var local in deployment.Python?.Import?.LocalModules ?? [])
            {
                yield return (local, "is imported by the app");
            }

            // Listed files that are deployable; a listed .env or bytecode is CL4002's or CL1009's, never to be committed.
            var deployable = deployment.Inventory.ToHashSet(StringComparer.Ordinal);
            foreach (var listed in (deployment.Manifest?.FileEntries ?? []).Where(e => deployable.Contains(e.Path)))
            {
                yield return (listed.Path, "is listed in manifest.json");
            }
        }

        return All().Where(x => seen.Add(x.Item1));
    }

    private static bool File(Deployment deployment, string path) => deployment.Files.ContainsKey(path) || deployment.Git!.Ignored.Contains(path) || deployment.Git.Untracked.Contains(path);

    private static string Relative(Deployment deployment, string fullPath) => Path.GetRelativePath(deployment.Directory, fullPath).Replace('\\', '/');
}
