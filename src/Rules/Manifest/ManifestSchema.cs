using System.Text.RegularExpressions;
using Connect.Lint.Rules.Analysis;
using Connect.Lint.Rules.Model;
using Connect.Lint.Rules.Model.Json;
using Connect.Lint.Rules.Model.Manifest;

namespace Connect.Lint.Rules.Manifest;

/// <summary>CL1003: members of the manifest are missing or of the wrong type.</summary>
public sealed partial class ManifestSchema : ManifestRule
{
    public override DiagnosticDescriptor Descriptor { get; } = Descriptors.Create(
        "CL1003", "manifest-schema",
        "manifest.json lacks a required member or has one of the wrong type",
        "{0}",
        RuleCategory.Manifest, Severity.Error);

    protected override void AnalyzeManifest(Deployment deployment, ConnectManifest manifest, DiagnosticSink sink)
    {
        void Report(JsonNode node, string message) => sink.Report(Create(At(manifest, node), null, message));

        if (manifest.RootObject is not { } root)
        {
            Report(manifest.Root, $"the manifest must be a JSON object, not {manifest.Root.KindName}");
            return;
        }

        var rootStart = new JsonNull(root.Start, root.Start + 1);
        switch (root["version"])
        {
            case null: Report(rootStart, "'version' is missing (rsconnect writes 1)"); break;
            case JsonNumber { IsInteger: true }: break;
            case var other: Report(other, $"'version' must be an integer, not {other.KindName}"); break;
        }

        ExpectOptional(root, "locale", typeof(JsonString), "'locale'", Report);
        switch (root["metadata"])
        {
            case null: Report(rootStart, "'metadata' is missing"); break;
            case JsonObject metadata:
                if (metadata["appmode"] is null)
                {
                    Report(metadata, "'metadata.appmode' is missing");
                }

                ExpectOptional(metadata, "appmode", typeof(JsonString), "'metadata.appmode'", Report);
                ExpectOptional(metadata, "entrypoint", typeof(JsonString), "'metadata.entrypoint'", Report);
                break;
            case var other: Report(other, $"'metadata' must be an object, not {other.KindName}"); break;
        }

        if (ExpectOptional(root, "python", typeof(JsonObject), "'python'", Report) is JsonObject python)
        {
            ExpectOptional(python, "version", typeof(JsonString), "'python.version'", Report);
            if (ExpectOptional(python, "package_manager", typeof(JsonObject), "'python.package_manager'", Report) is JsonObject manager)
            {
                ExpectOptional(manager, "name", typeof(JsonString), "'python.package_manager.name'", Report);
                ExpectOptional(manager, "package_file", typeof(JsonString), "'python.package_manager.package_file'", Report);
                if (manager["version"] is { } version and not (JsonString or JsonNull))
                {
                    Report(version, $"'python.package_manager.version' must be a string, not {version.KindName}");
                }
            }
        }

        ExpectOptional(root, "environment", typeof(JsonObject), "'environment'", Report);
        switch (root["files"])
        {
            case null: Report(rootStart, "'files' is missing"); break;
            case JsonObject files: CheckFiles(manifest, files, sink); break;
            case var other: Report(other, $"'files' must be an object of path → {{\"checksum\": …}}, not {other.KindName}"); break;
        }
    }

    private void CheckFiles(ConnectManifest manifest, JsonObject files, DiagnosticSink sink)
    {
        foreach (var entry in files.Properties)
        {
            switch (entry.Value)
            {
                case JsonObject details when details["checksum"] is null:
                    sink.Report(Create(AtName(manifest, entry), null, $"the entry for '{entry.Name}' has no 'checksum'"));
                    break;
                case JsonObject details when details["checksum"] is not JsonString:
                    var node = details["checksum"]!;
                    sink.Report(Create(At(manifest, node), null, $"the checksum of '{entry.Name}' must be a string, not {node.KindName}"));
                    break;
                case JsonObject details when details["checksum"] is JsonString checksum && !Md5Hex().IsMatch(checksum.Value):
                    sink.Report(Create(At(manifest, checksum), null,
                        $"the checksum of '{entry.Name}' must be 32 hexadecimal digits (an md5), not \"{checksum.Value}\""));
                    break;
                case JsonObject:
                    break;
                default:
                    sink.Report(Create(At(manifest, entry.Value), null,
                        $"the entry for '{entry.Name}' must be an object {{\"checksum\": …}}, not {entry.Value.KindName}"));
                    break;
            }
        }
    }

    private static JsonNode? ExpectOptional(JsonObject parent, string name, Type expected, string label, Action<JsonNode, string> report)
    {
        var node = parent[name];
        if (node is not null && node.GetType() != expected)
        {
            var expectedName = expected == typeof(JsonObject) ? "an object" : "a string";
            report(node, $"{label} must be {expectedName}, not {node.KindName}");
            return null;
        }

        return node;
    }

    [GeneratedRegex("^[0-9a-fA-F]{32}$")]
    private static partial Regex Md5Hex();
}
