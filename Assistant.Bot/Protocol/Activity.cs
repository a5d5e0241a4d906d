using System.Text.Json;
using System.Text.Json.Serialization;

namespace Assistant.Bot.Protocol;

/// <summary>
/// A Bot Framework Activity with the fields this assistant reads or writes (Activity spec, botframework-sdk
/// specs/botframework-activity). Unknown fields are ignored on input, nulls are omitted on output.
/// </summary>
public sealed record Activity
{
    public string? Type { get; init; }
    public string? Id { get; init; }
    public DateTimeOffset? Timestamp { get; init; }
    public DateTimeOffset? LocalTimestamp { get; init; }
    public string? LocalTimezone { get; init; }
    public string? ChannelId { get; init; }
    public ChannelAccount? From { get; init; }
    public ChannelAccount? Recipient { get; init; }
    public ConversationAccount? Conversation { get; init; }
    public string? ServiceUrl { get; init; }
    public string? Text { get; init; }
    public string? TextFormat { get; init; }

    /// <summary>SSML (with its &lt;speak&gt; root) or plain text for voice channels.</summary>
    public string? Speak { get; init; }

    /// <summary><c>acceptingInput</c>, <c>expectingInput</c> or <c>ignoringInput</c>.</summary>
    public string? InputHint { get; init; }
    public string? Locale { get; init; }
    public IReadOnlyList<Attachment>? Attachments { get; init; }
    public string? AttachmentLayout { get; init; }
    public SuggestedActions? SuggestedActions { get; init; }
    public JsonElement? Value { get; init; }

    /// <summary>Event or invoke name.</summary>
    public string? Name { get; init; }

    /// <summary>endOfConversation code.</summary>
    public string? Code { get; init; }
    public string? ReplyToId { get; init; }
    public JsonElement? ChannelData { get; init; }
    public JsonElement? Entities { get; init; }

    /// <summary><c>normal</c>, <c>notification</c> or <c>expectReplies</c>.</summary>
    public string? DeliveryMode { get; init; }
    public IReadOnlyList<ChannelAccount>? MembersAdded { get; init; }
    public IReadOnlyList<ChannelAccount>? MembersRemoved { get; init; }

    /// <summary>Reads a boolean flag from <see cref="ChannelData"/> (for example <c>elderMode</c>); false when absent.</summary>
    public bool ChannelFlag(string name) =>
        ChannelData is { ValueKind: JsonValueKind.Object } data
        && data.TryGetProperty(name, out var flag)
        && flag.ValueKind == JsonValueKind.True;

    /// <summary>A reply addressed back to the sender of this activity (send-and-receive-messages.md).</summary>
    public Activity CreateReply(string type = ActivityTypes.Message) => new()
    {
        Type = type,
        ChannelId = ChannelId,
        From = Recipient,
        Recipient = From,
        Conversation = Conversation,
        ReplyToId = Id,
        Locale = Locale ?? "zh-CN",
        Timestamp = DateTimeOffset.UtcNow,
    };
}

/// <summary>A user or bot account on a channel.</summary>
public sealed record ChannelAccount(string? Id, string? Name = null, string? Role = null);

/// <summary>The conversation an activity belongs to.</summary>
public sealed record ConversationAccount(string? Id, string? Name = null, bool? IsGroup = null, string? ConversationType = null);

/// <summary>An attachment; cards keep their content as JSON so unknown card types round-trip untouched.</summary>
public sealed record Attachment(string ContentType, JsonElement? Content = null, string? ContentUrl = null, string? Name = null)
{
    public const string HeroCardType = "application/vnd.microsoft.card.hero";

    public static Attachment Hero(HeroCard card) =>
        new(HeroCardType, JsonSerializer.SerializeToElement(card, ActivityJson.Options));
}

/// <summary>A hero card (botframework-cards.md): title, text and buttons.</summary>
public sealed record HeroCard(string? Title, string? Subtitle, string? Text, IReadOnlyList<CardAction> Buttons);

/// <summary>A button: imBack, postBack, messageBack, openUrl, call …</summary>
public sealed record CardAction(string Type, string Title, JsonElement? Value = null, string? Text = null, string? DisplayText = null)
{
    public static CardAction ImBack(string title, string? value = null) => new(CardActionTypes.ImBack, title, Json(value ?? title));

    public static CardAction PostBack(string title, string value) => new(CardActionTypes.PostBack, title, Json(value));

    public static CardAction OpenUrl(string title, string url) => new(CardActionTypes.OpenUrl, title, Json(url));

    public static CardAction Call(string title, string number) => new(CardActionTypes.Call, title, Json("tel:" + number));

    private static JsonElement Json(string value) => JsonSerializer.SerializeToElement(value);
}

/// <summary>Quick replies shown under the last message.</summary>
public sealed record SuggestedActions(IReadOnlyList<CardAction> Actions, IReadOnlyList<string>? To = null);

/// <summary>The body answered to an <c>expectReplies</c> request.</summary>
public sealed record ExpectedReplies(IReadOnlyList<Activity> Activities);

/// <summary>What a Connector or Direct Line endpoint answers to a posted activity.</summary>
public sealed record ResourceResponse([property: JsonPropertyName("id")] string Id);
