using Connect.Lint.Rules.Analysis;

namespace Connect.Lint.Rules.Model.Python;

/// <summary>Places the bridge's facts point at, as locations a diagnostic can carry.</summary>
public static class PythonLocations
{
    /// <summary>The entrypoint in the manifest when there is one; else the manifest's place.</summary>
    public static Location Entrypoint(Deployment deployment)
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

    /// <summary>A place in user code, with columns when the static facts know the call at that line; the entrypoint when unknown.</summary>
    public static Location At(Deployment deployment, CodeLocation? where, PythonFacts facts, Func<StaticFileFacts, IEnumerable<StaticCall>>? calls = null)
    {
        if (where is null)
        {
            return Entrypoint(deployment);
        }

        var call = calls is null
            ? null
            : facts.Files.Where(f => f.File == where.File).SelectMany(calls).FirstOrDefault(c => c.Line == where.Line);
        var path = deployment.FullPath(where.File);
        return call is null
            ? Location.LineOnly(path, where.Line)
            : new Location(path, call.Line, call.Column, call.EndLine, call.EndColumn);
    }

    public static Location Of(Deployment deployment, CodeSpan span) =>
        new(deployment.FullPath(span.File), span.Line, span.Column, span.EndLine, span.EndColumn);
}
