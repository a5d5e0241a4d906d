using System.Text.Json;
using Assistant.Bot.Protocol;

namespace Assistant.Bot.Dialogue;

/// <summary>One thing the bot says or does in a turn, before it becomes an Activity for a channel.</summary>
public sealed record BotReply(string Text)
{
    /// <summary>Quick replies (imBack buttons); read out through <see cref="Spoken"/> where voice needs them.</summary>
    public IReadOnlyList<string> Suggestions { get; init; } = [];

    public HeroCard? Card { get; init; }

    /// <summary>The bot waits for an answer to this message (inputHint expectingInput).</summary>
    public bool ExpectsInput { get; init; }

    /// <summary>What a voice channel says instead of <see cref="Text"/> (no links or symbols).</summary>
    public string? Spoken { get; init; }

    /// <summary>For event activities (handoff): the event name and value.</summary>
    public string? EventName { get; init; }

    public JsonElement? EventValue { get; init; }

    public static BotReply Event(string name, object value) =>
        new("") { EventName = name, EventValue = JsonSerializer.SerializeToElement(value, ActivityJson.Options) };
}
