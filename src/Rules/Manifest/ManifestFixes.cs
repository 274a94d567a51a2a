using System.Runtime.CompilerServices;
using Connect.Lint.Rules.Analysis;
using Connect.Lint.Rules.Model;
using Connect.Lint.Rules.Model.Json;
using Connect.Lint.Rules.Model.Manifest;

namespace Connect.Lint.Rules.Manifest;

/// <summary>Fixes shared by the manifest rules.</summary>
public static class ManifestFixes
{
    /// <summary>
    /// Rewrites the <c>files</c> object from the project as it is now (rsconnect's order and checksums), leaving
    /// every other byte of the manifest alone. Null when there is no files object or nothing would change.
    /// </summary>
    public static Fix? RegenerateFiles(Deployment deployment, ConnectManifest manifest) =>
        Regenerated.GetValue(manifest, m => new StrongBox<Fix?>(ComputeRegenerateFiles(deployment, m))).Value;

    /// <summary>
    /// One regeneration per manifest read: every diagnostic it settles (one per unlisted, missing or junk file)
    /// shares the one fix, instead of rendering the whole files list again for each of thousands of files.
    /// </summary>
    private static readonly ConditionalWeakTable<ConnectManifest, StrongBox<Fix?>> Regenerated = new();

    private static Fix? ComputeRegenerateFiles(Deployment deployment, ConnectManifest manifest)
    {
        if (manifest.Files is not { } files)
        {
            return null;
        }

        var text = PythonJsonWriter.Write(ExpectedFiles.ToJson(ExpectedFiles.For(deployment)), indentLevel: 1);
        if (manifest.Source.Text.AsSpan(files.Start, files.End - files.Start).SequenceEqual(text))
        {
            return null;
        }

        return new Fix("Regenerate the manifest's files list from the project", FixAvailability.Safe,
            [TextEdit.Replace(manifest.Source, files.Start, files.End, text)]);
    }

    /// <summary>Replaces one JSON string value with another.</summary>
    public static Fix ReplaceString(ConnectManifest manifest, JsonString node, string value, string title) =>
        new(title, FixAvailability.Safe,
            [TextEdit.Replace(manifest.Source, node.Start, node.End, PythonJsonWriter.QuoteString(value))]);
}
