using System.Text.Json;
using Assistant.Bot.Protocol;

namespace Assistant.Bot.Dialogue;

/// <summary>What the dialogue needs from an incoming message.</summary>
/// <param name="Hotline">Replies are only heard (telephone): no links to tap, ratings confirmed aloud.</param>
/// <param name="LocationCode">A division code the channel sent in <c>channelData.location</c> (device location).</param>
/// <param name="Alternatives">Other readings a speech recogniser offered (N-best), best first, from <c>channelData.speech</c>.</param>
public sealed record TurnInput(string ConversationId, string ChannelId, string Text, bool? ElderMode, bool Hotline,
    string? LocationCode, IReadOnlyList<string> Alternatives)
{
    public const string HotlineChannel = "hotline";

    public static TurnInput From(Activity activity) => new(
        activity.Conversation?.Id ?? throw new ArgumentException("conversation.id is required"),
        activity.ChannelId ?? "unknown",
        (activity.Text ?? ValueText(activity.Value) ?? "").Trim(),
        activity.ChannelData is { ValueKind: JsonValueKind.Object } data && data.TryGetProperty("elderMode", out var elder)
            && elder.ValueKind is JsonValueKind.True or JsonValueKind.False ? elder.GetBoolean() : null,
        activity.ChannelId == HotlineChannel || activity.ChannelFlag("hotline"),
        LocationFrom(activity.ChannelData),
        AlternativesFrom(activity.ChannelData));

    // postBack/messageBack buttons may carry the choice in value.text instead of text.
    private static string? ValueText(JsonElement? value) =>
        value is { ValueKind: JsonValueKind.Object } v && v.TryGetProperty("text", out var text) && text.ValueKind == JsonValueKind.String
            ? text.GetString() : null;

    private static List<string> AlternativesFrom(JsonElement? channelData) =>
        channelData is { ValueKind: JsonValueKind.Object } data && data.TryGetProperty("speech", out var speech)
            && speech.ValueKind == JsonValueKind.Object && speech.TryGetProperty("alternatives", out var list)
            && list.ValueKind == JsonValueKind.Array
            ? [.. list.EnumerateArray()
                .Select(a => a.ValueKind == JsonValueKind.Object && a.TryGetProperty("text", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString() : null)
                .OfType<string>().Where(t => t.Length > 0).Take(5)]
            : [];

    // channelData.location may be {"adcode":"330106"}, {"city":"330100"} or {"province":"33"}.
    private static string? LocationFrom(JsonElement? channelData)
    {
        if (channelData is not { ValueKind: JsonValueKind.Object } data || !data.TryGetProperty("location", out var location)
            || location.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        foreach (var name in (string[])["adcode", "county", "city", "province"])
        {
            if (location.TryGetProperty(name, out var code) && code.ValueKind == JsonValueKind.String
                && code.GetString() is { Length: 2 or 6 } value && value.All(char.IsAsciiDigit))
            {
                return value;
            }
        }

        return null;
    }
}
