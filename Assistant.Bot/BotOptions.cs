namespace Assistant.Bot;

/// <summary>Bot settings (section <c>Bot</c>).</summary>
public sealed class BotOptions
{
    public const string Section = "Bot";

    /// <summary>SQLite file for state and ratings; default <c>assistant.db</c> in the app data folder.</summary>
    public string? DatabasePath { get; set; }

    /// <summary>When set, channels must send a JWT for this app id (Bot Framework channel authentication).</summary>
    public string? MicrosoftAppId { get; set; }

    /// <summary>
    /// The app's client secret. With the app id it gets the OAuth2 token every reply to a channel carries (Bot Framework
    /// "bot to connector" authentication). Configuration or environment only (<c>Bot__MicrosoftAppPassword</c>), never
    /// logged.
    /// </summary>
    public string? MicrosoftAppPassword { get; set; }

    /// <summary>The tenant of a single-tenant app; multi-tenant apps get their tokens from <c>botframework.com</c>.</summary>
    public string MicrosoftAppTenantId { get; set; } = "botframework.com";

    /// <summary>Token endpoint; by default Azure AD's for <see cref="MicrosoftAppTenantId"/>.</summary>
    public string? TokenEndpoint { get; set; }

    /// <summary>What the reply token is for: the Bot Connector service.</summary>
    public string TokenScope { get; set; } = "https://api.botframework.com/.default";

    /// <summary>
    /// Without an app id nobody is authenticated, so replies are posted only to a serviceUrl on this machine (the Bot
    /// Framework Emulator, a local channel) or on one of these origins (<c>https://channel.example.cn</c>); otherwise
    /// anyone could make the assistant POST to any address its network reaches.
    /// </summary>
    public List<string> OpenServiceUrls { get; set; } = [];

    /// <summary>OpenID metadata of the token issuer (Bot Framework's by default).</summary>
    public string OpenIdMetadataUrl { get; set; } = "https://login.botframework.com/v1/.well-known/openidconfiguration";

    /// <summary>Accepted issuers of channel tokens.</summary>
    public List<string> ValidIssuers { get; set; } = ["https://api.botframework.com"];

    /// <summary>Only for tests and private clouds: allow OpenID metadata over plain HTTP.</summary>
    public bool RequireHttpsMetadata { get; set; } = true;

    /// <summary>How many times a reply POST to the channel is retried before it is logged as undelivered.</summary>
    public int ReplyAttempts { get; set; } = 4;

    /// <summary>First retry delay; doubled on each retry.</summary>
    public TimeSpan ReplyRetryDelay { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>A turn that takes longer than this gets a typing indicator sent first (normal delivery).</summary>
    public TimeSpan TypingDelay { get; set; } = TimeSpan.FromMilliseconds(400);
}
