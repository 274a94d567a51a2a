using System.Text.Json.Serialization;
using Connect.Lint.Rules.Model.Python;

namespace Connect.Lint.Python;

/// <summary>
/// Source-generated (de)serialisers for the bridge's answers and `inspect --format json`: reflection-based
/// System.Text.Json costs ~50 ms on first use, which every run of the linter would pay.
/// </summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower, PropertyNameCaseInsensitive = true, WriteIndented = true)]
[JsonSerializable(typeof(BridgeAnswer.StaticMessage))]
[JsonSerializable(typeof(ImportFacts))]
[JsonSerializable(typeof(PythonFacts))]
[JsonSerializable(typeof(Connect.Lint.Rules.Model.Rehearsal.ServeFacts))]
internal sealed partial class BridgeJsonContext : JsonSerializerContext;
