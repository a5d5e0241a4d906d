using System.Text.Json.Serialization;
using Assistant.Bot.Protocol;

namespace Assistant.Api.DirectLine;

/// <summary>Direct Line's Conversation object (directline-3.0.json): answered by token, start and reconnect calls.</summary>
public sealed record ConversationResponse(
    [property: JsonPropertyName("conversationId")] string ConversationId,
    [property: JsonPropertyName("token")] string Token,
    [property: JsonPropertyName("expires_in")] int ExpiresIn,
    [property: JsonPropertyName("streamUrl")] string? StreamUrl = null);

/// <summary>A page of activities and the watermark to ask from next; the same shape goes down the WebSocket.</summary>
public sealed record ActivitySet(IReadOnlyList<Activity> Activities, string Watermark);

/// <summary>The optional body of <c>POST /conversations</c> (and <c>/tokens/generate</c>): who the user is, which locale.</summary>
public sealed record StartConversationRequest(ChannelAccount? User, string? Locale);
