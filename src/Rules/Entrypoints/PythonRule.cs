using Connect.Lint.Rules.Analysis;
using Connect.Lint.Rules.Model;
using Connect.Lint.Rules.Model.Python;

namespace Connect.Lint.Rules.Entrypoints;

/// <summary>A rule over the Python bridge's facts: it runs only when the interpreter answered.</summary>
public abstract class PythonRule : Rule
{
    public sealed override void Analyze(Deployment deployment, DiagnosticSink sink)
    {
        if (deployment.Python is { } facts && deployment.Manifest?.IsConnectManifest != false)
        {
            AnalyzeFacts(deployment, facts, sink);
        }
    }

    protected abstract void AnalyzeFacts(Deployment deployment, PythonFacts facts, DiagnosticSink sink);

    /// <summary>The entrypoint in the manifest when there is one; else the manifest's place.</summary>
    protected static Location EntrypointLocation(Deployment deployment)
    {
        var manifest = deployment.Manifest;
        if (manifest?.Entrypoint is { } node)
        {
            return manifest.Source.LocationOf(node.Start, node.End);
        }

        return manifest?.Metadata is { } metadata
            ? manifest.Source.LocationOf(metadata.Start, metadata.Start + 1)
            : Location.WholeFile(deployment.ManifestPath);
    }

    /// <summary>A place in user code, with columns when the static facts know the call at that line.</summary>
    protected static Location At(Deployment deployment, CodeLocation? where, PythonFacts facts, Func<StaticFileFacts, IEnumerable<StaticCall>>? calls = null)
    {
        if (where is null)
        {
            return EntrypointLocation(deployment);
        }

        var call = calls is null
            ? null
            : facts.Files.Where(f => f.File == where.File).SelectMany(calls).FirstOrDefault(c => c.Line == where.Line);
        var path = deployment.FullPath(where.File);
        return call is null
            ? Location.LineOnly(path, where.Line)
            : new Location(path, call.Line, call.Column, call.EndLine, call.EndColumn);
    }
}
