using Assistant.Bot.Protocol;

namespace Assistant.Api.DirectLine;

/// <summary>
/// One Direct Line conversation: the ordered log of activities the client may see, and a signal for streams waiting on
/// it. The watermark is the number of log entries a client has seen; ids are <c>{conversationId}|{seq:D7}</c>.
/// </summary>
public sealed class DirectLineConversation(string id, ChannelAccount user, DateTimeOffset started)
{
    private readonly Lock _gate = new();
    private readonly List<Activity> _log = [];
    private TaskCompletionSource _changed = NewSignal();
    private int _sequence;
    private long _lastActiveTicks = started.UtcTicks;

    public string Id { get; } = id;

    /// <summary>The one user of this conversation; posted activities are attributed to it whatever they claim.</summary>
    public ChannelAccount User { get; } = user;

    public bool IsClosed { get; private set; }

    public DateTimeOffset LastActive => new(Interlocked.Read(ref _lastActiveTicks), TimeSpan.Zero);

    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _log.Count;
            }
        }
    }

    public void Touch(DateTimeOffset now) => Interlocked.Exchange(ref _lastActiveTicks, now.UtcTicks);

    /// <summary>A server id for an activity that is not logged (the conversationUpdate the bot gets at start).</summary>
    public string NextId()
    {
        lock (_gate)
        {
            return FormatId(++_sequence);
        }
    }

    /// <summary>Gives the activity the next id and logs it; waiting streams wake up.</summary>
    public Activity Append(Activity activity)
    {
        TaskCompletionSource changed;
        lock (_gate)
        {
            activity = activity with { Id = FormatId(++_sequence) };
            _log.Add(activity);
            changed = _changed;
            _changed = NewSignal();
        }

        changed.TrySetResult();
        return activity;
    }

    /// <summary>Up to <paramref name="max"/> activities after <paramref name="watermark"/>, and the watermark after them.</summary>
    public (IReadOnlyList<Activity> Activities, int Watermark) Read(int watermark, int max = int.MaxValue)
    {
        lock (_gate)
        {
            var from = Math.Min(watermark, _log.Count);
            var count = Math.Min(max, _log.Count - from);
            return (_log.GetRange(from, count), from + count);
        }
    }

    /// <summary>True when the log grows past <paramref name="watermark"/> or the conversation closes; false after the timeout.</summary>
    public async Task<bool> WaitAsync(int watermark, TimeSpan timeout, TimeProvider clock, CancellationToken cancellationToken)
    {
        Task changed;
        lock (_gate)
        {
            if (_log.Count > watermark || IsClosed)
            {
                return true;
            }

            changed = _changed.Task;
        }

        try
        {
            await changed.WaitAsync(timeout, clock, cancellationToken);
            return true;
        }
        catch (TimeoutException)
        {
            return false;
        }
    }

    /// <summary>Ends the conversation (evicted); open streams close.</summary>
    public void Close()
    {
        TaskCompletionSource changed;
        lock (_gate)
        {
            IsClosed = true;
            changed = _changed;
        }

        changed.TrySetResult();
    }

    private string FormatId(int sequence) => $"{Id}|{sequence:D7}";

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
