using System.Text.RegularExpressions;
using Connect.Lint.Rules.Analysis;
using Connect.Lint.Rules.Model;
using Connect.Lint.Rules.Model.Manifest;
using Connect.Lint.Rules.Model.Text;

namespace Connect.Lint.Rules.Manifest;

/// <summary>CL1004: the appmode is unknown to Connect, or is another mode although the project is a Flask app.</summary>
public sealed partial class AppModeNotPythonApi : ManifestRule
{
    public override DiagnosticDescriptor Descriptor { get; } = Descriptors.Create(
        "CL1004", "appmode-not-python-api",
        "The manifest's appmode is unknown, or not python-api for a Flask app",
        "{0}",
        RuleCategory.Manifest, Severity.Error, FixAvailability.Safe, uses: RuleNeeds.PythonImport);

    protected override void AnalyzeManifest(Deployment deployment, ConnectManifest manifest, DiagnosticSink sink)
    {
        if (manifest.AppMode is not { } appMode || appMode.Value == AppModes.PythonApi)
        {
            return;
        }

        string message;
        if (!AppModes.Known.Contains(appMode.Value))
        {
            message = $"appmode '{appMode.Value}' is not one Connect knows" +
                      (IsFlask(deployment) ? "; a Flask app deploys as 'python-api'" : string.Empty);
        }
        else if (IsFlask(deployment))
        {
            message = $"appmode is '{appMode.Value}' but this is a Flask app: Connect serves Flask (WSGI) apps as 'python-api'";
        }
        else
        {
            return;
        }

        var fix = IsFlask(deployment)
            ? ManifestFixes.ReplaceString(manifest, appMode, AppModes.PythonApi, "Set appmode to python-api")
            : null;
        sink.Report(Create(At(manifest, appMode), fix, message));
    }

    /// <summary>Flask, as the import showed it, or as the code reads when Python could not be asked.</summary>
    private static bool IsFlask(Deployment deployment) =>
        deployment.Python?.Import?.App is not null ||
        deployment.TextFiles.Any(f => f.Kind == TextFileKind.Python && FlaskImport().IsMatch(f.Text) && FlaskConstruction().IsMatch(f.Text));

    [GeneratedRegex(@"^\s*(from\s+flask\s+import\b|import\s+flask\b)", RegexOptions.Multiline)]
    private static partial Regex FlaskImport();

    [GeneratedRegex(@"\bFlask\s*\(")]
    private static partial Regex FlaskConstruction();
}
