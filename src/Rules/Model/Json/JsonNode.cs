namespace Connect.Lint.Rules.Model.Json;

/// <summary>A JSON value that remembers where it stands in its text: [Start, End) as UTF-16 offsets.</summary>
public abstract record JsonNode(int Start, int End)
{
    public abstract string KindName { get; }
}

public sealed record JsonObject(int Start, int End, IReadOnlyList<JsonProperty> Properties) : JsonNode(Start, End)
{
    public override string KindName => "an object";

    /// <summary>The property named so; like Python's json, the last of duplicated names wins.</summary>
    public JsonProperty? Find(string name)
    {
        for (var i = Properties.Count - 1; i >= 0; i--)
        {
            if (Properties[i].Name == name)
            {
                return Properties[i];
            }
        }

        return null;
    }

    public JsonNode? this[string name] => Find(name)?.Value;
}

/// <summary>A member of an object: its name with the span of the quoted name, and its value.</summary>
public sealed record JsonProperty(string Name, int NameStart, int NameEnd, JsonNode Value);

public sealed record JsonArray(int Start, int End, IReadOnlyList<JsonNode> Items) : JsonNode(Start, End)
{
    public override string KindName => "an array";
}

public sealed record JsonString(int Start, int End, string Value) : JsonNode(Start, End)
{
    public override string KindName => "a string";
}

/// <summary>A number kept as written, so rewriting a manifest does not change it.</summary>
public sealed record JsonNumber(int Start, int End, string Raw) : JsonNode(Start, End)
{
    public override string KindName => "a number";

    public bool IsInteger => Raw.All(c => char.IsAsciiDigit(c) || c == '-');
}

public sealed record JsonBoolean(int Start, int End, bool Value) : JsonNode(Start, End)
{
    public override string KindName => "a boolean";
}

public sealed record JsonNull(int Start, int End) : JsonNode(Start, End)
{
    public override string KindName => "null";
}
