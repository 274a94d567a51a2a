using Connect.Lint.Rules.Analysis;
using Connect.Lint.Rules.Model;
using Connect.Lint.Rules.Model.Python;

namespace Connect.Lint.Rules.Entrypoints;

/// <summary>CL2007: the import ended the interpreter: SystemExit, os._exit, or a crash.</summary>
public sealed class ImportExits : PythonRule
{
    public override DiagnosticDescriptor Descriptor { get; } = Descriptors.Create(
        "CL2007", "import-exits",
        "Importing the entrypoint exits the interpreter",
        "{0}",
        RuleCategory.Entrypoint, Severity.Error, needs: RuleNeeds.PythonImport);

    protected override void AnalyzeFacts(Deployment deployment, PythonFacts facts, DiagnosticSink sink)
    {
        if (facts.Import is { Outcome: ImportOutcome.Exit } import)
        {
            sink.Report(Create(At(deployment, import.Where, facts), null,
                $"importing '{import.Module}' calls sys.exit({import.ExitCode}): Connect's server process stops"));
        }
        else if (facts.HardExitCode is { } code)
        {
            var how = code < 0 ? $"was killed by signal {-code}{SignalName(-code)}" : $"exited with code {code} (os._exit or a crash)";
            sink.Report(Create(At(deployment, facts.StuckAt, facts), null, $"the interpreter {how} while importing '{facts.Entrypoint}'"));
        }
    }

    private static string SignalName(int signal) => signal switch
    {
        6 => " (SIGABRT)",
        9 => " (SIGKILL)",
        11 => " (SIGSEGV)",
        15 => " (SIGTERM)",
        _ => string.Empty,
    };
}
