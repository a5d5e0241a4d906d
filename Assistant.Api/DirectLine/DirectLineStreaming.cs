using System.Globalization;
using System.Net.WebSockets;
using System.Text.Json;
using Assistant.Api.Endpoints;
using Assistant.Bot.Protocol;
using Microsoft.Extensions.Options;

namespace Assistant.Api.DirectLine;

/// <summary>
/// The WebSocket stream of a conversation (receive-activities.md). The streamUrl is pre-authorized by a short-lived
/// stream token, since browsers cannot set headers on a WebSocket. On open the stream replays everything after the
/// watermark in its URL (the bot's welcome is often logged before the socket opens), then pushes each new activity as
/// an ActivitySet, and sends an empty frame when idle. Frames from the client (directlinejs sends empty ones as pings)
/// are ignored.
/// </summary>
public static class DirectLineStreaming
{
    public static string Url(HttpRequest request, DirectLineTokenService tokens, string conversationId, int watermark)
    {
        var scheme = request.IsHttps ? "wss" : "ws";
        var token = Uri.EscapeDataString(tokens.Issue(conversationId, DirectLineToken.Stream));
        return $"{scheme}://{request.Host}{request.PathBase}{DirectLineEndpoints.Prefix}/conversations/{conversationId}/stream"
            + $"?t={token}&watermark={watermark.ToString(CultureInfo.InvariantCulture)}";
    }

    public static async Task<IResult> RunAsync(HttpContext context, string conversationId, string? t, string? watermark,
        DirectLineTokenService tokens, DirectLineConversations conversations, IOptions<DirectLineOptions> options,
        TimeProvider clock, IHostApplicationLifetime lifetime)
    {
        switch (tokens.Check(t, DirectLineToken.Stream, out var token))
        {
            case TokenCheck.Invalid:
                return ApiProblem.Of(401, "Unauthorized", "The stream URL is not valid; ask for a new one with GET /conversations/{id}.");
            case TokenCheck.Expired:
                return ApiProblem.Of(403, "Stream URL expired", "Ask for a new stream URL with GET /conversations/{id}.");
        }

        if (!string.Equals(token!.ConversationId, conversationId, StringComparison.Ordinal))
        {
            return ApiProblem.Of(403, "Forbidden", "The stream URL does not grant access to this conversation.");
        }

        if (!DirectLineRequests.TryParseWatermark(watermark, out var position))
        {
            return DirectLineRequests.BadRequest("watermark must be one returned by this server.");
        }

        if (conversations.Find(conversationId) is not { } conversation)
        {
            return ApiProblem.Of(404, "Conversation not found", "The conversation has ended or was never started.");
        }

        if (!context.WebSockets.IsWebSocketRequest)
        {
            return DirectLineRequests.BadRequest("This is a WebSocket endpoint; open it with a WebSocket client.");
        }

        using var socket = await context.WebSockets.AcceptWebSocketAsync();
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, lifetime.ApplicationStopping);
        var receiving = DrainAsync(socket, stop);
        try
        {
            await SendAsync(socket, conversation, position, options.Value.KeepAliveInterval, clock, stop.Token);
        }
        catch (Exception ex) when (ex is OperationCanceledException or WebSocketException)
        {
            // The client went away or the server is stopping: nothing to tell anyone.
        }

        await stop.CancelAsync();
        await receiving;
        if (socket.State is WebSocketState.Open or WebSocketState.CloseReceived)
        {
            var status = conversation.IsClosed ? WebSocketCloseStatus.EndpointUnavailable : WebSocketCloseStatus.NormalClosure;
            await socket.CloseOutputAsync(status, null, CancellationToken.None);
        }

        return Results.Empty;
    }

    private static async Task SendAsync(WebSocket socket, DirectLineConversation conversation, int watermark,
        TimeSpan keepAlive, TimeProvider clock, CancellationToken ct)
    {
        while (!ct.IsCancellationRequested && !conversation.IsClosed && socket.State == WebSocketState.Open)
        {
            var (activities, next) = conversation.Read(watermark);
            if (activities.Count > 0)
            {
                watermark = next;
                var set = new ActivitySet(activities, next.ToString(CultureInfo.InvariantCulture));
                await socket.SendAsync(JsonSerializer.SerializeToUtf8Bytes(set, ActivityJson.Options), WebSocketMessageType.Text, true, ct);
                continue;
            }

            if (!await conversation.WaitAsync(watermark, keepAlive, clock, ct))
            {
                await socket.SendAsync(ReadOnlyMemory<byte>.Empty, WebSocketMessageType.Text, true, ct);
            }
        }
    }

    /// <summary>Reads and drops client frames until the client closes; then stops the sender.</summary>
    private static async Task DrainAsync(WebSocket socket, CancellationTokenSource stop)
    {
        var buffer = new byte[1024];
        try
        {
            while (!stop.IsCancellationRequested)
            {
                var frame = await socket.ReceiveAsync(buffer, stop.Token);
                if (frame.MessageType == WebSocketMessageType.Close)
                {
                    break;
                }
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or WebSocketException)
        {
            // Closed from either side.
        }

        await stop.CancelAsync();
    }
}
