using System.Text;

namespace Connect.Lint.Output;

/// <summary>
/// Stands between the tool and its stdout or stderr: complete lines pass through <see cref="OutputSafety"/>
/// before they reach the real writer, so nothing printed anywhere in the tool can carry a secret or a raw
/// control character. A partial line waits for its end (or <see cref="Complete"/>), so a secret is never
/// split across two writes.
/// </summary>
public sealed class SafeTextWriter(TextWriter inner, bool freeText = false) : TextWriter
{
    /// <summary>Applied to each line after it was made safe (terminal colour); null leaves lines as they are.</summary>
    public Func<string, string>? Decorate { get; init; }

    private readonly StringBuilder _pending = new();
    private readonly OutputSafety _safety = new(freeText);
    private readonly object _gate = new();

    public override Encoding Encoding => inner.Encoding;

    public override void Write(char value)
    {
        lock (_gate)
        {
            if (value == '\n')
            {
                inner.Write(Finish(_pending.ToString()));
                inner.Write('\n');
                _pending.Clear();
            }
            else
            {
                _pending.Append(value);
            }
        }
    }

    public override void Write(string? value)
    {
        if (value is null)
        {
            return;
        }

        lock (_gate)
        {
            var start = 0;
            int end;
            while ((end = value.IndexOf('\n', start)) >= 0)
            {
                _pending.Append(value, start, end - start);
                inner.Write(Finish(_pending.ToString()));
                inner.Write('\n');
                _pending.Clear();
                start = end + 1;
            }

            _pending.Append(value, start, value.Length - start);
        }
    }

    private string Finish(string line)
    {
        var safe = _safety.Line(line);
        return Decorate is null ? safe : Decorate(safe);
    }

    public override void Write(char[] buffer, int index, int count) => Write(new string(buffer, index, count));

    public override void WriteLine(string? value) => Write((value ?? string.Empty) + "\n");

    public override void WriteLine() => Write('\n');

    public override void Flush()
    {
        lock (_gate)
        {
            inner.Flush();
        }
    }

    /// <summary>Writes what is left of an unfinished line, then flushes.</summary>
    public void Complete()
    {
        lock (_gate)
        {
            if (_pending.Length > 0)
            {
                inner.Write(Finish(_pending.ToString()));
                _pending.Clear();
            }

            inner.Flush();
        }
    }
}
