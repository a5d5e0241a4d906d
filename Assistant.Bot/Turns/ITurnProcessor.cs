using Assistant.Bot.Protocol;

namespace Assistant.Bot.Turns;

/// <summary>
/// The one entry into the bot for every channel (<c>/api/messages</c>, Direct Line, speech): runs an incoming activity
/// as a turn of its conversation, one turn at a time per conversation, and returns the replies in order.
/// </summary>
public interface ITurnProcessor
{
    Task<TurnResult> ProcessAsync(Activity incoming, CancellationToken cancellationToken);
}

/// <summary>The replies of one turn; for <c>invoke</c> activities also the HTTP status to answer (501 when unknown).</summary>
public sealed record TurnResult(IReadOnlyList<Activity> Replies, int? InvokeStatus = null)
{
    public static readonly TurnResult Empty = new([]);
}
