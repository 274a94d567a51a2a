using System.Diagnostics;

namespace Connect.Lint;

/// <summary>CONNECT_LINT_TRACE=1 prints when each phase starts, in ms since the process started (for bench work).</summary>
public static class Trace
{
    private static readonly bool Enabled = Environment.GetEnvironmentVariable("CONNECT_LINT_TRACE") == "1";

    public static void Mark(string phase)
    {
        if (Enabled)
        {
            var elapsed = DateTime.Now - Process.GetCurrentProcess().StartTime;
            Console.Error.WriteLine($"trace {elapsed.TotalMilliseconds,7:0.0} ms  {phase}");
        }
    }
}
