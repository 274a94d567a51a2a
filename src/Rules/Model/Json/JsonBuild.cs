namespace Connect.Lint.Rules.Model.Json;

/// <summary>Shorthands for building JSON values that have no source position (positions are 0).</summary>
public static class JsonBuild
{
    public static JsonString String(string value) => new(0, 0, value);

    public static JsonNumber Integer(long value) => new(0, 0, value.ToString(System.Globalization.CultureInfo.InvariantCulture));

    public static JsonObject Object(IEnumerable<(string Name, JsonNode Value)> members) =>
        new(0, 0, members.Select(m => new JsonProperty(m.Name, 0, 0, m.Value)).ToList());

    public static JsonObject Object(params (string Name, JsonNode Value)[] members) => Object(members.AsEnumerable());
}
