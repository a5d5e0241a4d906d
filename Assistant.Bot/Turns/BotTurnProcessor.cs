using System.Text.Json;
using System.Text.Json.Nodes;
using Assistant.Bot.Dialogue;
using Assistant.Bot.Protocol;
using Assistant.Bot.Skills;
using Assistant.Bot.Storage;
using Microsoft.Extensions.Logging;

namespace Assistant.Bot.Turns;

/// <summary>
/// Runs turns: one at a time per conversation, state loaded and saved with its eTag, every activity in and out kept in
/// the masked transcript (the incoming one before the turn runs, so nothing the citizen said is lost on a crash).
/// </summary>
public sealed partial class BotTurnProcessor(AssistantDialogue dialogue, IBotStore store, ConversationLocks locks,
    ILogger<BotTurnProcessor> logger) : ITurnProcessor
{
    private const int MaxConflictRetries = 2;

    public async Task<TurnResult> ProcessAsync(Activity incoming, CancellationToken cancellationToken)
    {
        var conversationId = incoming.Conversation?.Id;
        if (string.IsNullOrWhiteSpace(conversationId))
        {
            throw new ArgumentException("The activity has no conversation.id.");
        }

        switch (incoming.Type)
        {
            case ActivityTypes.Message:
            case ActivityTypes.ConversationUpdate when JoinedUser(incoming):
                break;
            case ActivityTypes.Invoke:
                // No invoke operations are implemented; the Bot Framework answer for an unknown invoke is 501.
                return new TurnResult([], InvokeStatus: 501);
            default:
                return TurnResult.Empty;
        }

        using var held = await locks.AcquireAsync(conversationId, cancellationToken);
        var at = DateTimeOffset.UtcNow;
        await store.AppendTranscriptAsync([Entry(conversationId, TranscriptEntry.Incoming, incoming, at)], cancellationToken);
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                var replies = await RunAsync(incoming, conversationId, cancellationToken);
                await store.AppendTranscriptAsync([.. replies.Select(r => Entry(conversationId, TranscriptEntry.Outgoing, r, DateTimeOffset.UtcNow))],
                    cancellationToken);
                LogTurn(logger, conversationId, incoming.Type!, replies.Count);
                return new TurnResult(replies);
            }
            catch (ETagConflictException) when (attempt < MaxConflictRetries)
            {
                // Another process (a second instance on the same database) saved this conversation in between: rerun on fresh state.
                LogConflict(logger, conversationId);
            }
        }
    }

    private async Task<IReadOnlyList<Activity>> RunAsync(Activity incoming, string conversationId, CancellationToken cancellationToken)
    {
        var key = StateKey(incoming.ChannelId, conversationId);
        var stored = await store.ReadStateAsync(key, cancellationToken);
        var state = stored is null ? new DialogueState() : JsonSerializer.Deserialize<DialogueState>(stored.Json, ActivityJson.Options)!;
        var input = TurnInput.From(incoming);
        IReadOnlyList<BotReply> replies;
        if (incoming.Type == ActivityTypes.ConversationUpdate)
        {
            state.ElderMode = input.ElderMode ?? state.ElderMode;
            replies = AssistantDialogue.Welcome(state.ElderMode);
        }
        else
        {
            replies = await dialogue.RunAsync(input, state, cancellationToken);
        }

        await store.WriteStateAsync(key, JsonSerializer.Serialize(state, ActivityJson.Options), stored?.ETag, cancellationToken);
        return ReplyComposer.Compose(incoming, replies, state.ElderMode);
    }

    /// <summary>The Bot Framework conversation-state key: <c>{channelId}/conversations/{conversationId}/</c>.</summary>
    public static string StateKey(string? channelId, string conversationId) => $"{channelId ?? "unknown"}/conversations/{conversationId}/";

    // Bots compare members against recipient.id to tell a user's join from their own (spec A7510).
    private static bool JoinedUser(Activity activity) =>
        activity.MembersAdded?.Any(m => m.Id is not null && m.Id != activity.Recipient?.Id) == true;

    // String values only: masking the serialized text could turn a long number (a confidence) into invalid JSON.
    private static TranscriptEntry Entry(string conversationId, string direction, Activity activity, DateTimeOffset at) =>
        new(conversationId, direction, ((JsonNode)MaskedValues.Mask(JsonSerializer.SerializeToNode(activity, ActivityJson.Options))!)
            .ToJsonString(ActivityJson.Options), at);

    [LoggerMessage(Level = LogLevel.Information, Message = "Turn {ConversationId} ({Type}): {Replies} replies")]
    private static partial void LogTurn(ILogger logger, string conversationId, string type, int replies);

    [LoggerMessage(Level = LogLevel.Warning, Message = "eTag conflict on {ConversationId}; running the turn again")]
    private static partial void LogConflict(ILogger logger, string conversationId);
}
