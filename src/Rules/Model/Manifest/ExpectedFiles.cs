using Connect.Lint.Rules.Model.Json;

namespace Connect.Lint.Rules.Model.Manifest;

/// <summary>
/// The <c>files</c> list a manifest should have for the project as it is now, in rsconnect's order: the
/// requirements file first, then every other deployable file in ordinal order of its path.
/// </summary>
public static class ExpectedFiles
{
    public static IReadOnlyList<(string Path, string Checksum)> For(Deployment deployment)
    {
        var result = new List<(string, string)>();
        var packageFile = deployment.StateOf(deployment.PackageFile);
        if (packageFile is { Exists: true, Checksum: { } requirementsChecksum })
        {
            result.Add((deployment.PackageFile, requirementsChecksum));
        }

        foreach (var path in deployment.Inventory)
        {
            if (path != deployment.PackageFile && deployment.StateOf(path).Checksum is { } checksum)
            {
                result.Add((path, checksum));
            }
        }

        return result;
    }

    public static JsonObject ToJson(IEnumerable<(string Path, string Checksum)> files) =>
        JsonBuild.Object(files.Select(f => (f.Path, (JsonNode)JsonBuild.Object(("checksum", JsonBuild.String(f.Checksum))))));
}
