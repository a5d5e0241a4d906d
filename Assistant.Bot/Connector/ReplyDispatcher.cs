using Assistant.Bot.Protocol;
using Assistant.Bot.Turns;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Assistant.Bot.Connector;

/// <summary>
/// Normal delivery: the HTTP request is answered at once while the turn runs; its replies are posted to the channel in
/// order, after the replies of the conversation's previous turn. A typing indicator goes first when a turn is slow.
/// </summary>
public sealed partial class ReplyDispatcher(ITurnProcessor processor, ChannelReplySender sender, IOptions<BotOptions> options,
    ILogger<ReplyDispatcher> logger)
{
    private readonly Dictionary<string, Task> _chains = new(StringComparer.Ordinal);

    /// <summary>Starts the turn now (so turns queue in arrival order) and its delivery after earlier deliveries.</summary>
    public Task DispatchAsync(Activity incoming, CancellationToken stopping)
    {
        var conversationId = incoming.Conversation!.Id!;
        var turn = processor.ProcessAsync(incoming, stopping);
        Task delivery;
        lock (_chains)
        {
            var previous = _chains.GetValueOrDefault(conversationId) ?? Task.CompletedTask;
            delivery = DeliverAsync(previous, incoming, turn, stopping);
            _chains[conversationId] = delivery;
        }

        _ = delivery.ContinueWith(_ => Forget(conversationId, delivery), CancellationToken.None,
            TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        return delivery;
    }

    private async Task DeliverAsync(Task previous, Activity incoming, Task<TurnResult> turn, CancellationToken stopping)
    {
        try
        {
            await previous;
            if (await Task.WhenAny(turn, Task.Delay(options.Value.TypingDelay, stopping)) != turn)
            {
                await sender.SendAsync(incoming.CreateReply(ActivityTypes.Typing), incoming.ServiceUrl!, stopping);
            }

            foreach (var reply in (await turn).Replies)
            {
                await sender.SendAsync(reply, incoming.ServiceUrl!, stopping);
            }
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The turn itself failed (storage down, a bug): the incoming activity is already in the transcript.
            LogTurnFailed(logger, e, incoming.Conversation?.Id);
        }
    }

    private void Forget(string conversationId, Task delivery)
    {
        lock (_chains)
        {
            if (_chains.TryGetValue(conversationId, out var current) && current == delivery)
            {
                _chains.Remove(conversationId);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Turn of conversation {ConversationId} failed")]
    private static partial void LogTurnFailed(ILogger logger, Exception exception, string? conversationId);
}
