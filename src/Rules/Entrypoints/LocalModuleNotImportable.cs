using Connect.Lint.Rules.Analysis;
using Connect.Lint.Rules.Model;
using Connect.Lint.Rules.Model.Python;
using Connect.Lint.Rules.Requirements;

namespace Connect.Lint.Rules.Entrypoints;

/// <summary>
/// CL2010: the app imports a module of the project that is not at the deployment's root (src/mypkg), so Connect,
/// which puts only the deployment directory on sys.path, cannot import it. Never a requirement to add (CL3003 skips it).
/// </summary>
public sealed class LocalModuleNotImportable : PythonRule
{
    public override DiagnosticDescriptor Descriptor { get; } = Descriptors.Create(
        "CL2010", "local-module-not-importable",
        "The app imports a module of the project that Connect cannot import from the deployment directory",
        "'{0}' is the project's own code ({1}) but not at the deployment's root: Connect puts only the deployment directory on sys.path, so 'import {0}' fails there. Move it to the root or make the deployment directory the one that holds it",
        RuleCategory.Entrypoint, Severity.Error, needs: RuleNeeds.PythonImport, precision: "high");

    protected override void AnalyzeFacts(Deployment deployment, PythonFacts facts, DiagnosticSink sink)
    {
        var reachedByImport = new HashSet<string>(facts.Import?.LocalModules ?? [], StringComparer.Ordinal);
        foreach (var import in ImportedDistributions.Reached(deployment))
        {
            var files = deployment.ModuleFilesBelowRoot(import.ImportName);
            if (files.Count == 0)
            {
                continue;
            }

            // Imported locally from inside the deployment: the code put its directory on sys.path itself, which it does
            // on Connect too (or an editable install did, which CL3004 reports in the requirements).
            if (files.Any(reachedByImport.Contains))
            {
                continue;
            }

            var statement = import.Import;
            var location = new Location(deployment.FullPath(import.File), statement.Line, statement.Column, statement.EndLine, statement.EndColumn);
            sink.Report(Create(location, null, import.ImportName, files[0]));
        }
    }
}
