namespace Connect.Lint.Output;

/// <summary>
/// One self-rewriting status line on a terminal's stderr for work that takes longer than a second (an import, hashing
/// a large tree): nothing when stderr is not a terminal (CI logs, pre-commit, pipes), nothing for quick runs, and the
/// line is erased before anything else is printed. Its text goes through the same escaping as every output.
/// </summary>
public sealed class ProgressLine : IDisposable
{
    private static readonly TimeSpan Delay = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(200);
    private static TextWriter? _terminal;
    private static volatile string? _activity;

    private readonly Func<string> _status;
    private readonly Timer? _timer;
    private readonly object _gate = new();
    private readonly System.Diagnostics.Stopwatch _elapsed = System.Diagnostics.Stopwatch.StartNew();
    private bool _shown;
    private bool _stopped;

    private ProgressLine(Func<string> status, TextWriter? terminal)
    {
        _status = status;
        if (terminal is not null)
        {
            _timer = new Timer(_ => Show(terminal), null, Delay, Interval);
        }
    }

    /// <summary>Where progress may be drawn: the real stderr when it is a terminal; null turns progress off.</summary>
    public static void UseTerminal(TextWriter? terminal)
    {
        _terminal = terminal;
        _activity = null;
    }

    /// <summary>What the run is doing now ("hashing 20002 files in data-app"), shown after the status.</summary>
    public static void Activity(string? what) => _activity = what;

    public static ProgressLine Start(Func<string> status) => new(status, _terminal);

    private void Show(TextWriter terminal)
    {
        lock (_gate)
        {
            if (_stopped)
            {
                return;
            }

            var text = $"connect-lint: {_status()}{(_activity is { } activity ? $": {activity}" : string.Empty)} ({_elapsed.Elapsed.TotalSeconds:0}s)";
            var width = TerminalWidth();
            var line = OutputSafety.Escape(Redaction.Redact(text));
            terminal.Write("\r\u001b[K" + (line.Length > width ? line[..(width - 1)] + "…" : line));
            terminal.Flush();
            _shown = true;
        }
    }

    /// <summary>$COLUMNS, else 80: asking the console for its size makes .NET set up the terminal (escape sequences of its own).</summary>
    private static int TerminalWidth() =>
        int.TryParse(Environment.GetEnvironmentVariable("COLUMNS"), out var columns) && columns > 20 ? columns - 1 : 79;

    public void Dispose()
    {
        _timer?.Dispose();
        lock (_gate)
        {
            _stopped = true;
            _activity = null;
            if (_shown && _terminal is { } terminal)
            {
                terminal.Write("\r\u001b[K");
                terminal.Flush();
                _shown = false;
            }
        }
    }
}
