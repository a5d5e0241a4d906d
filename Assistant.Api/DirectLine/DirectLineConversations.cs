using System.Collections.Concurrent;
using System.Security.Cryptography;
using Assistant.Bot.Protocol;
using Microsoft.Extensions.Options;

namespace Assistant.Api.DirectLine;

/// <summary>The conversations this process serves, in memory; idle ones are forgotten when new ones start.</summary>
public sealed class DirectLineConversations(IOptions<DirectLineOptions> options, TimeProvider clock)
{
    private readonly ConcurrentDictionary<string, DirectLineConversation> _conversations = new(StringComparer.Ordinal);
    private long _lastSweepTicks;

    /// <summary>A fresh id; unguessable because the token, not the id, is what grants access.</summary>
    public static string NewId() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(12));

    public DirectLineConversation? Find(string id)
    {
        if (_conversations.TryGetValue(id, out var conversation))
        {
            conversation.Touch(clock.GetUtcNow());
        }

        return conversation;
    }

    /// <summary>The started conversation with this id, or a new one; null when the server is full.</summary>
    public DirectLineConversation? GetOrStart(string id, ChannelAccount user, out bool started)
    {
        started = false;
        if (Find(id) is { } existing)
        {
            return existing;
        }

        SweepIdle(force: _conversations.Count >= options.Value.MaxConversations);
        if (_conversations.Count >= options.Value.MaxConversations)
        {
            return null;
        }

        var created = new DirectLineConversation(id, user, clock.GetUtcNow());
        var winner = _conversations.GetOrAdd(id, created);
        started = ReferenceEquals(winner, created);
        return winner;
    }

    /// <summary>At most once a minute (or when full): forget conversations idle longer than the configured timeout.</summary>
    private void SweepIdle(bool force)
    {
        var now = clock.GetUtcNow();
        var last = Interlocked.Read(ref _lastSweepTicks);
        if ((!force && now.UtcTicks - last < TimeSpan.TicksPerMinute) || Interlocked.CompareExchange(ref _lastSweepTicks, now.UtcTicks, last) != last)
        {
            return;
        }

        foreach (var (id, conversation) in _conversations)
        {
            if (now - conversation.LastActive > options.Value.ConversationIdleTimeout && _conversations.TryRemove(id, out _))
            {
                conversation.Close();
            }
        }
    }
}
