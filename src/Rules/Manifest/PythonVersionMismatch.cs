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
        var wanted = MajorMinor(recorded.Value);
        var serverLacksIt = deployment.ServerPythonVersions.Count > 0 && wanted is not null && !deployment.ServerPythonVersions.Contains(wanted);
        var serverOffers = $"the server offers {string.Join(", ", deployment.ServerPythonVersions)} (server-python-versions): Connect finds no {wanted}";
        var actual = deployment.Python?.Environment?.Python;
        var actualMinor = actual is null ? null : MajorMinor(actual);
        if (wanted is null || actual is null || wanted == actualMinor)
        {
            if (serverLacksIt)
            {
                sink.Report(new Diagnostic(Descriptor, At(manifest, recorded), $"manifest.json records Python {recorded.Value} but {serverOffers}"));
            }

            return;
        }

        // One finding for the one place: the interpreter's version, and what the server offers when that is wrong too.
        var fix = !serverLacksIt || deployment.ServerPythonVersions.Contains(actualMinor!) ? ManifestFixes.ReplaceString(manifest, recorded, actual, $"Record Python {actual}") : null;
        var diagnostic = Create(At(manifest, recorded), fix, recorded.Value, deployment.Python!.Interpreter, actual, wanted, actualMinor!);
        sink.Report(serverLacksIt ? diagnostic with { Message = diagnostic.Message + "; and " + serverOffers } : diagnostic);
    }

    /// <summary>"3.11" of "3.11.2"; null when the version has no minor part.</summary>
    internal static string? MajorMinor(string version)
    {
        var parts = version.Split('.');
        return parts.Length >= 2 ? parts[0] + "." + parts[1] : null;
    }
}
