using System.Diagnostics;

namespace Connect.Lint;

/// <summary>
/// CONNECT_LINT_TRACE=1 prints when each phase starts, in ms since the process started, with the resident memory
/// and the managed heap at that moment (for bench work; CONNECT_LINT_TRACE_LIVE=1 collects first, so the heap is what
/// is still reachable).
/// </summary>
public static class Trace
{
    private static readonly bool Enabled = Environment.GetEnvironmentVariable("CONNECT_LINT_TRACE") == "1";

    public static void Mark(string phase)
    {
        if (Enabled)
        {
            var elapsed = DateTime.Now - Process.GetCurrentProcess().StartTime;
            Console.Error.WriteLine($"trace {elapsed.TotalMilliseconds,7:0.0} ms {Environment.WorkingSet >> 20,4} MB rss {GC.GetTotalMemory(Environment.GetEnvironmentVariable("CONNECT_LINT_TRACE_LIVE") == "1") >> 20,4} MB heap  {phase}");
        }
    }
}
