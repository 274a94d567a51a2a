using System.Reflection;

namespace Connect.Lint;

/// <summary>Text resources shipped inside the tool (rule pages, Python scripts).</summary>
public static class EmbeddedText
{
    public static string Read(string name) => TryRead(name) ?? throw new InvalidOperationException($"missing resource {name}");

    public static string? TryRead(string name)
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(name);
        if (stream is null)
        {
            return null;
        }

        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
