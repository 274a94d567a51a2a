using System.Text.Json;
using System.Text.Json.Serialization;

namespace Connect.Lint.Server;

// The parts of the Language Server Protocol 3.17 that connect-lint speaks, as the specification names them
// (camelCase on the wire). Only what the server reads or writes is declared.

public sealed record Position(int Line, int Character);

public sealed record Range(Position Start, Position End);

public sealed record TextDocumentIdentifier(string Uri);

public sealed record TextDocumentItem(string Uri, string LanguageId, int Version, string Text);

public sealed record DidOpenTextDocumentParams(TextDocumentItem TextDocument);

public sealed record DidSaveTextDocumentParams(TextDocumentIdentifier TextDocument);

public sealed record DidCloseTextDocumentParams(TextDocumentIdentifier TextDocument);

public sealed record FileEvent(string Uri, int Type);

public sealed record DidChangeWatchedFilesParams(IReadOnlyList<FileEvent> Changes);

public sealed record WorkspaceFolder(string Uri, string Name);

public sealed record InitializeParams(string? RootUri, IReadOnlyList<WorkspaceFolder>? WorkspaceFolders, JsonElement? InitializationOptions);

public sealed record CodeDescription(string Href);

public sealed record LspDiagnostic(Range Range, int Severity, string Code, CodeDescription CodeDescription, string Source, string Message);

public sealed record PublishDiagnosticsParams(string Uri, IReadOnlyList<LspDiagnostic> Diagnostics);

public sealed record CodeActionContext(IReadOnlyList<LspDiagnostic> Diagnostics, IReadOnlyList<string>? Only);

public sealed record CodeActionParams(TextDocumentIdentifier TextDocument, Range Range, CodeActionContext Context);

public sealed record LspTextEdit(Range Range, string NewText);

public sealed record OptionalVersionedTextDocumentIdentifier(string Uri, int? Version);

/// <summary>A documentChanges entry: a file to create, or edits to a document (kind is null for the latter).</summary>
public sealed record DocumentChange(
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Kind,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Uri,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] OptionalVersionedTextDocumentIdentifier? TextDocument,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<LspTextEdit>? Edits);

public sealed record WorkspaceEdit(IReadOnlyList<DocumentChange> DocumentChanges);

public sealed record Command(string Title, string CommandName, IReadOnlyList<string> Arguments)
{
    [JsonPropertyName("command")]
    public string CommandName { get; init; } = CommandName;
}

public sealed record CodeAction(
    string Title,
    string Kind,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<LspDiagnostic>? Diagnostics,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] WorkspaceEdit? Edit,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] Command? Command,
    bool IsPreferred);

public sealed record ExecuteCommandParams(string Command, IReadOnlyList<JsonElement>? Arguments);

public sealed record MessageParams(int Type, string Message);
