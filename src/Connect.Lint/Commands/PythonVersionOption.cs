namespace Connect.Lint.Commands;

/// <summary>--override-python-version's value as rsconnect takes it: 3.x becomes 3.x.0, 3.x.y stays, anything else is refused.</summary>
public static class PythonVersionOption
{
    public static string? Normalize(string? value)
    {
        var parts = value?.Split('.') ?? [];
        if (parts.Length is < 2 or > 3 || !parts.All(p => p.Length > 0 && p.All(char.IsAsciiDigit)))
        {
            return null;
        }

        return parts.Length == 2 ? value + ".0" : value;
    }
}
