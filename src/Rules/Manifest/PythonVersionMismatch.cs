using Connect.Lint.Rules.Analysis;
using Connect.Lint.Rules.Model;
using Connect.Lint.Rules.Model.Manifest;

namespace Connect.Lint.Rules.Manifest;

/// <summary>CL1011: the manifest's Python MAJOR.MINOR differs from the interpreter the project is tested with.</summary>
public sealed class PythonVersionMismatch : ManifestRule
{
    public override DiagnosticDescriptor Descriptor { get; } = Descriptors.Create(
        "CL1011", "python-version-mismatch",
        "The manifest's Python version differs from the project's interpreter",
        "manifest.json records Python {0} but {1} is Python {2}: Connect looks for a {3} on the server, not the {4} you test with",
        RuleCategory.Manifest, Severity.Warning, FixAvailability.Safe, needs: RuleNeeds.PythonImport, options: ["[tool.connect-lint] server-python-versions"]);

    protected override void AnalyzeManifest(Deployment deployment, ConnectManifest manifest, DiagnosticSink sink)
    {
        if (manifest.PythonVersion is not { } recorded)
        {
            return;
        }

        // The configuration may say which Pythons the server has: the manifest's must be one of them.
        if (deployment.ServerPythonVersions.Count > 0 && MajorMinor(recorded.Value) is { } wanted && !deployment.ServerPythonVersions.Contains(wanted))
        {
            sink.Report(new Diagnostic(Descriptor, At(manifest, recorded),
                $"manifest.json records Python {recorded.Value} but the server offers {string.Join(", ", deployment.ServerPythonVersions)} (server-python-versions): Connect finds no {wanted}"));
        }

        if (deployment.Python?.Environment?.Python is not { } actual)
        {
            return;
        }

        var recordedMinor = MajorMinor(recorded.Value);
        var actualMinor = MajorMinor(actual);
        if (recordedMinor is null || recordedMinor == actualMinor)
        {
            return;
        }

        var fix = ManifestFixes.ReplaceString(manifest, recorded, actual, $"Record Python {actual}");
        sink.Report(Create(At(manifest, recorded), fix, recorded.Value, deployment.Python.Interpreter, actual, recordedMinor, actualMinor));
    }

    /// <summary>"3.11" of "3.11.2"; null when the version has no minor part.</summary>
    internal static string? MajorMinor(string version)
    {
        var parts = version.Split('.');
        return parts.Length >= 2 ? parts[0] + "." + parts[1] : null;
    }
}
