using Connect.Lint.Rules.Analysis;
using Connect.Lint.Rules.Model;
using Connect.Lint.Rules.Model.Rehearsal;

namespace Connect.Lint.Rules.Manifest;

/// <summary>
/// CL1015: the rehearsal ran another Python MAJOR.MINOR than the manifest's python.version, so it proved the deploy on a
/// Python Connect will not use.
/// </summary>
public sealed class RehearsalPythonDiffers : RehearsalRule
{
    public override DiagnosticDescriptor Descriptor { get; } = Descriptors.Create(
        "CL1015", "rehearsal-python-differs",
        "The rehearsal ran another Python than the manifest's",
        "the rehearsal ran Python {0} ({1}) but manifest.json records {2}: Connect installs and runs this content with a Python {3} " +
        "(or fails the deploy when the server has none), so what passed here is unproven there; rehearse with --python pointing at a {3} interpreter",
        RuleCategory.Manifest, Severity.Warning, needs: RuleNeeds.Rehearsal);

    protected override void AnalyzeRehearsal(Deployment deployment, RehearsalFacts rehearsal, DiagnosticSink sink)
    {
        if (deployment.Manifest is not { PythonVersion: { } recorded } manifest || rehearsal.PythonVersion is not { } ran)
        {
            return;
        }

        var wanted = PythonVersionMismatch.MajorMinor(recorded.Value);
        var actual = PythonVersionMismatch.MajorMinor(ran);
        if (wanted is null || actual is null || wanted == actual)
        {
            return;
        }

        // The rehearsal's environment is made from the check's interpreter: when that one already differs, CL1011
        // says so at this same place, with its fix; one finding per place.
        if (deployment.Python?.Environment?.Python is { } checkedWith && PythonVersionMismatch.MajorMinor(checkedWith) == actual)
        {
            return;
        }

        sink.Report(Create(manifest.Source.LocationOf(recorded.Start, recorded.End), null, ran, rehearsal.BaseInterpreter, recorded.Value, wanted));
    }
}
