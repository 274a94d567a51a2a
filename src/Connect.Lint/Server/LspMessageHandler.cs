using StreamJsonRpc;
using StreamJsonRpc.Protocol;

namespace Connect.Lint.Server;

/// <summary>
/// LSP's base protocol with JSON-RPC's answer to a message it cannot read: StreamJsonRpc ends the connection when a
/// framed message is not JSON (or not a JSON-RPC message), and the editor is left with a server that vanished. Here
/// such a message becomes a request with a null id for one of the server's own methods, which answers it with
/// JSON-RPC's error (-32700 parse error, -32600 invalid request), and the server reads on. The framing itself
/// (headers, Content-Length) stays StreamJsonRpc's: a stream whose framing is broken cannot be resynchronised.
/// </summary>
internal sealed class LspMessageHandler(Stream sending, Stream receiving, IJsonRpcMessageFormatter formatter)
    : HeaderDelimitedMessageHandler(sending, receiving, formatter)
{
    public const string ParseErrorMethod = "$/connect-lint/parseError";
    public const string InvalidRequestMethod = "$/connect-lint/invalidRequest";

    protected override async ValueTask<JsonRpcMessage?> ReadCoreAsync(CancellationToken cancellationToken)
    {
        try
        {
            return await base.ReadCoreAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not (OperationCanceledException or BadRpcHeaderException or EndOfStreamException or ObjectDisposedException))
        {
            // The content was consumed (the base handler advances past it whatever the formatter did): answer it and go on.
            // System.Text.Json's reader throws its own JsonException subclass (internal) for bytes that are not JSON;
            // JSON of the wrong shape (an array, an object with no method) is another JsonException.
            var notJson = e.GetType().Name == "JsonReaderException" || e.InnerException?.GetType().Name == "JsonReaderException";
            return new JsonRpcRequest { RequestId = RequestId.Null, Method = notJson ? ParseErrorMethod : InvalidRequestMethod };
        }
    }
}
