using System.Text.Json;
using System.Text.Json.Serialization;

namespace Connect.Lint.Rules.Model.Python;

/// <summary>
/// An enum as the bridge writes it (kebab-case names), from a table instead of reflection over attributes: the answer
/// is parsed on every run, and reflection-based enum converters cost milliseconds of start-up.
/// </summary>
public abstract class NamedEnumConverter<T> : JsonConverter<T>
    where T : struct, Enum
{
    protected abstract IReadOnlyList<(T Value, string Name)> Names { get; }

    public override T Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var text = reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
        foreach (var (value, name) in Names)
        {
            if (name == text)
            {
                return value;
            }
        }

        throw new JsonException($"'{text}' is not a {typeof(T).Name} the bridge's protocol knows");
    }

    public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options)
    {
        foreach (var (known, name) in Names)
        {
            if (EqualityComparer<T>.Default.Equals(known, value))
            {
                writer.WriteStringValue(name);
                return;
            }
        }

        throw new JsonException($"{typeof(T).Name}.{value} has no name in the bridge's protocol");
    }
}

public sealed class ImportOutcomeConverter : NamedEnumConverter<ImportOutcome>
{
    protected override IReadOnlyList<(ImportOutcome, string)> Names { get; } =
        [(ImportOutcome.Imported, "imported"), (ImportOutcome.Error, "error"), (ImportOutcome.Exit, "exit")];
}

public sealed class ObjectShapeConverter : NamedEnumConverter<ObjectShape>
{
    protected override IReadOnlyList<(ObjectShape, string)> Names { get; } =
        [(ObjectShape.App, "app"), (ObjectShape.Factory, "factory"), (ObjectShape.FactoryNeedsArgs, "factory-needs-args"), (ObjectShape.Other, "other")];
}

public sealed class CandidateKindConverter : NamedEnumConverter<CandidateKind>
{
    protected override IReadOnlyList<(CandidateKind, string)> Names { get; } = [(CandidateKind.App, "app"), (CandidateKind.Factory, "factory")];
}

public sealed class SecretKeySourceConverter : NamedEnumConverter<SecretKeySource>
{
    protected override IReadOnlyList<(SecretKeySource, string)> Names { get; } =
        [(SecretKeySource.Literal, "literal"), (SecretKeySource.Environment, "environment"), (SecretKeySource.Other, "other"), (SecretKeySource.Unset, "unset")];
}
