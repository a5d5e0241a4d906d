using Assistant.Bot.Protocol;
using Assistant.Bot.Turns;
using Microsoft.Extensions.Options;

namespace Assistant.Api.DirectLine;

/// <summary>
/// Carries activities between Direct Line clients and the bot, in process: stamps what the client posts (server id,
/// timestamp, channel, conversation, the conversation's user), logs it so the client sees its own echo, runs the turn
/// through <see cref="ITurnProcessor"/> and logs the replies. A turn is awaited inside the request, so once a POST has
/// answered, its replies are in the log (polling clients and tests see them on the next GET).
/// </summary>
public sealed class DirectLineChannel(ITurnProcessor bot, IOptions<DirectLineOptions> options, TimeProvider clock,
    IHostApplicationLifetime lifetime)
{
    public const string ChannelId = "directline";

    public ChannelAccount Bot => new(options.Value.BotId, options.Value.BotName, "bot");

    /// <summary>Tells the bot the user and the bot joined (the bot answers with its welcome).</summary>
    public async Task StartAsync(DirectLineConversation conversation, string? locale)
    {
        var update = Stamp(conversation, new Activity
        {
            Type = ActivityTypes.ConversationUpdate,
            From = conversation.User,
            Locale = locale,
            Recipient = Bot,
            MembersAdded = [conversation.User, Bot],
        }) with { Id = conversation.NextId() };

        // conversationUpdate is never shown to clients (receive-activities.md), so it is not logged.
        await RunTurnAsync(conversation, update);
    }

    /// <summary>True when the conversation holds as many activities as one may (every way of posting checks it).</summary>
    public bool IsFull(DirectLineConversation conversation) => conversation.Count >= options.Value.MaxActivitiesPerConversation;

    /// <summary>Logs the client's activity (the echo Web Chat waits for), runs the turn and logs the replies; returns the
    /// logged activity and the replies as logged.</summary>
    public async Task<(Activity Posted, IReadOnlyList<Activity> Replies)> PostAsync(DirectLineConversation conversation, Activity posted)
    {
        var logged = Relay(conversation, posted);
        return (logged, await RunTurnAsync(conversation, logged));
    }

    /// <summary>Logs a client's activity for the stream without a turn (typing: the bot has nothing to answer).</summary>
    public Activity Relay(DirectLineConversation conversation, Activity posted)
    {
        // The token grants one conversation with one user: whatever id the client claims, it speaks as that user.
        var from = conversation.User with { Name = posted.From?.Name ?? conversation.User.Name };
        return conversation.Append(Stamp(conversation, posted with { From = from, Recipient = Bot }));
    }

    private async Task<IReadOnlyList<Activity>> RunTurnAsync(DirectLineConversation conversation, Activity incoming)
    {
        // The turn finishes even when the client goes away, so the bot's state stays consistent; only shutdown stops it.
        var result = await bot.ProcessAsync(incoming, lifetime.ApplicationStopping);
        return [.. result.Replies.Select(reply => conversation.Append(Stamp(conversation, reply) with
        {
            From = reply.From ?? Bot,
            Recipient = reply.Recipient ?? conversation.User,
            ReplyToId = reply.ReplyToId ?? incoming.Id,
        }))];
    }

    private Activity Stamp(DirectLineConversation conversation, Activity activity) => activity with
    {
        ChannelId = ChannelId,
        Conversation = new ConversationAccount(conversation.Id),
        Timestamp = clock.GetUtcNow(),
        ServiceUrl = null,
    };
}
