using System.Text.Json;

namespace Connect.Lint.Tests;

/// <summary>One diagnostic of a `check --format json` report, as a user reads it: code, severity, file, line (0 without a location), message.</summary>
public sealed record Found(string Code, string Severity, string File, int Line, string Message)
{
    public static IReadOnlyList<Found> FromJson(string report)
    {
        using var json = JsonDocument.Parse(report);
        return json.RootElement.GetProperty("diagnostics").EnumerateArray()
            .Select(d => new Found(
                d.GetProperty("code").GetString()!, d.GetProperty("severity").GetString()!, d.GetProperty("file").GetString()!,
                d.TryGetProperty("location", out var l) && l.ValueKind == JsonValueKind.Object ? l.GetProperty("line").GetInt32() : 0,
                d.GetProperty("message").GetString()!))
            .ToList();
    }
}
