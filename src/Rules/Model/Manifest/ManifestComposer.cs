using Connect.Lint.Rules.Model.Json;

namespace Connect.Lint.Rules.Model.Manifest;

/// <summary>
/// What write-manifest's rsconnect flags choose: the environment (--image, --disable-env-management*), the package
/// manager that installs the package file ("uv" for a requirements.txt.lock exported from uv.lock, as rsconnect, or
/// --package-installer, which also writes allow_uv), and --override-python-version (python.version and
/// environment.python.requires "==version", as rsconnect writes them).
/// </summary>
public sealed record ManifestChoices(string? Image, bool? ManagePython, bool? ManageR, string PackageManager = "pip")
{
    public static readonly ManifestChoices None = new(null, null, null);

    /// <summary>python.package_manager.allow_uv: true for --package-installer uv, false for pip; null: not said.</summary>
    public bool? AllowUv { get; init; }

    /// <summary>--override-python-version, as x.y.z; null: the interpreter's version.</summary>
    public string? PythonVersion { get; init; }
}

/// <summary>What a new manifest is made of; everything the writer derives from the project and interpreter.</summary>
public sealed record ManifestInputs
{
    public required string Entrypoint { get; init; }

    public required string Locale { get; init; }

    public required string PythonVersion { get; init; }

    /// <summary>pip's version in the interpreter; null when it has no pip (written as JSON null).</summary>
    public string? PipVersion { get; init; }

    public string PackageFile { get; init; } = "requirements.txt";

    /// <summary>python.package_manager.name: pip, or uv for an export of uv.lock (the version is pip's either way, as rsconnect writes it).</summary>
    public string PackageManager { get; init; } = "pip";

    /// <summary>python.package_manager.allow_uv (--package-installer); null: not written.</summary>
    public bool? AllowUv { get; init; }

    /// <summary>environment.python.requires, from .python-version, pyproject.toml or setup.cfg; null when none.</summary>
    public string? PythonRequires { get; init; }

    public required IReadOnlyList<(string Path, string Checksum)> Files { get; init; }

    /// <summary>environment.image (rsconnect's --image); null keeps what the manifest had.</summary>
    public string? Image { get; init; }

    /// <summary>environment.environment_management.python (false with --disable-env-management[-py]); null: not said.</summary>
    public bool? EnvironmentManagementPython { get; init; }

    /// <summary>environment.environment_management.r (false with --disable-env-management[-r]); null: not said.</summary>
    public bool? EnvironmentManagementR { get; init; }
}

/// <summary>
/// Builds a python-api manifest with rsconnect's key order. Given the existing manifest, it keeps what it
/// does not derive: unknown members (at every level), environment.image, the locale.
/// </summary>
public static class ManifestComposer
{
    public static string Render(JsonObject manifest) => PythonJsonWriter.Write(manifest) + "\n";

    /// <summary>The same bytes as <see cref="Render(JsonObject)"/>, written as they are made.</summary>
    public static void Render(TextWriter writer, JsonObject manifest)
    {
        PythonJsonWriter.Write(writer, manifest, 0);
        writer.Write('\n');
    }

    public static JsonObject Compose(ManifestInputs inputs, ConnectManifest? existing)
    {
        var old = existing?.RootObject;
        var locale = old?["locale"] is JsonString existingLocale ? existingLocale.Value : inputs.Locale;

        var metadata = Merge(old?["metadata"] as JsonObject,
            ("appmode", JsonBuild.String(AppModes.PythonApi)),
            ("entrypoint", JsonBuild.String(inputs.Entrypoint)));

        var oldPython = old?["python"] as JsonObject;
        List<(string Name, JsonNode Value)> packageManagerMembers =
        [
            ("name", JsonBuild.String(inputs.PackageManager)),
            ("version", inputs.PipVersion is null ? new JsonNull(0, 0) : JsonBuild.String(inputs.PipVersion)),
            ("package_file", JsonBuild.String(inputs.PackageFile)),
        ];
        if (inputs.AllowUv is { } allowUv)
        {
            packageManagerMembers.Add(("allow_uv", new JsonBoolean(0, 0, allowUv)));
        }

        var packageManager = Merge(oldPython?["package_manager"] as JsonObject, [.. packageManagerMembers]);
        var python = Merge(oldPython,
            ("version", JsonBuild.String(inputs.PythonVersion)),
            ("package_manager", packageManager));

        var members = new List<(string, JsonNode)>
        {
            ("version", old?["version"] is JsonNumber { IsInteger: true } version ? version : JsonBuild.Integer(1)),
            ("locale", JsonBuild.String(locale)),
            ("metadata", metadata),
            ("python", python),
        };

        if (ComposeEnvironment(inputs, old?["environment"] as JsonObject) is { } environment)
        {
            members.Add(("environment", environment));
        }

        var known = new HashSet<string>(StringComparer.Ordinal) { "version", "locale", "metadata", "python", "environment", "files" };
        foreach (var property in old?.Properties ?? [])
        {
            if (!known.Contains(property.Name) && !members.Any(m => m.Item1 == property.Name))
            {
                members.Add((property.Name, property.Value));
            }
        }

        members.Add(("files", ExpectedFiles.ToJson(inputs.Files)));
        return JsonBuild.Object(members);
    }

    private static JsonObject? ComposeEnvironment(ManifestInputs inputs, JsonObject? oldEnvironment)
    {
        var oldPython = oldEnvironment?["python"] as JsonObject;
        JsonObject? python = inputs.PythonRequires is { } requires
            ? Merge(oldPython, ("requires", JsonBuild.String(requires)))
            : oldPython;

        var members = new List<(string, JsonNode)>();
        if (python is not null)
        {
            members.Add(("python", python));
        }

        if (inputs.Image is { } image)
        {
            members.Add(("image", JsonBuild.String(image)));
        }

        if (inputs.EnvironmentManagementPython is not null || inputs.EnvironmentManagementR is not null)
        {
            var management = new List<(string Name, JsonNode Value)>();
            if (inputs.EnvironmentManagementPython is { } managePython)
            {
                management.Add(("python", new JsonBoolean(0, 0, managePython)));
            }

            if (inputs.EnvironmentManagementR is { } manageR)
            {
                management.Add(("r", new JsonBoolean(0, 0, manageR)));
            }

            members.Add(("environment_management", Merge(oldEnvironment?["environment_management"] as JsonObject, [.. management])));
        }

        foreach (var property in oldEnvironment?.Properties ?? [])
        {
            if (!members.Any(m => m.Item1 == property.Name) && property.Name != "python")
            {
                members.Add((property.Name, property.Value));
            }
        }

        return members.Count == 0 ? null : JsonBuild.Object(members);
    }

    /// <summary>The derived members first, in the given order, then the old object's other members as they were.</summary>
    private static JsonObject Merge(JsonObject? old, params (string Name, JsonNode Value)[] derived)
    {
        var members = derived.ToList();
        foreach (var property in old?.Properties ?? [])
        {
            if (!members.Any(m => m.Name == property.Name))
            {
                members.Add((property.Name, property.Value));
            }
        }

        return JsonBuild.Object(members);
    }
}
