using System.ComponentModel.DataAnnotations;

namespace Assistant.Api.DirectLine;

/// <summary>Settings of the self-hosted Direct Line 3.0 channel (section <c>DirectLine</c>).</summary>
public sealed class DirectLineOptions
{
    public const string Section = "DirectLine";

    /// <summary>How long a conversation token is valid; directlinejs refreshes it every 15 minutes, so keep this above that.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan TokenLifetime { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>How long a <c>streamUrl</c> may wait before its WebSocket is opened (clients fetch a new one on reconnect).</summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan StreamUrlLifetime { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>Empty frames on an idle stream, so proxies and browsers notice a dead connection (receive-activities.md).</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:10:00")]
    public TimeSpan KeepAliveInterval { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>A conversation nobody has touched for this long is forgotten (its state lives only in memory).</summary>
    [Range(typeof(TimeSpan), "00:01:00", "7.00:00:00")]
    public TimeSpan ConversationIdleTimeout { get; set; } = TimeSpan.FromHours(2);

    [Range(1, 1_000_000)]
    public int MaxConversations { get; set; } = 10_000;

    /// <summary>Bounds one conversation's memory; a citizen's real conversation is a few dozen activities.</summary>
    [Range(10, 100_000)]
    public int MaxActivitiesPerConversation { get; set; } = 1_000;

    /// <summary>Most activities one <c>GET …/activities</c> returns; the watermark lets the client fetch the rest.</summary>
    [Range(1, 1_000)]
    public int PageSize { get; set; } = 100;

    /// <summary>
    /// Conversations one client address may start per minute. Without a limit one client could fill
    /// <see cref="MaxConversations"/> in seconds and shut everyone else out until the idle timeout. Generous because
    /// many citizens can share one address (carrier-grade NAT, an office). Behind a reverse proxy the proxy must pass
    /// the client's address (<c>ASPNETCORE_FORWARDEDHEADERS_ENABLED=true</c>), or all clients share one allowance.
    /// </summary>
    [Range(1, 100_000)]
    public int ConversationsPerClientPerMinute { get; set; } = 60;

    /// <summary>Activities one conversation may post per minute: a person types or speaks a few; a script, thousands.</summary>
    [Range(1, 100_000)]
    public int ActivitiesPerConversationPerMinute { get; set; } = 30;

    /// <summary>
    /// Activities one client address may post per minute over all its conversations, so opening many conversations
    /// does not multiply the per-conversation allowance. High, for the many citizens one address can stand for.
    /// </summary>
    [Range(1, 1_000_000)]
    public int ActivitiesPerClientPerMinute { get; set; } = 600;

    [Required]
    public string BotId { get; set; } = "assistant";

    [Required]
    public string BotName { get; set; } = "政务服务智能导办助手";
}
