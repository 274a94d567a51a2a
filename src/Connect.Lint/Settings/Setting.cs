namespace Connect.Lint.Settings;

/// <summary>A setting's value and where it came from ("default", "--select", "pyproject.toml [tool.connect-lint]"), for messages and --show-settings.</summary>
public sealed record Setting<T>(T Value, string Source)
{
    public static Setting<T> Default(T value) => new(value, "default");
}
