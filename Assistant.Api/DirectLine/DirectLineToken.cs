namespace Assistant.Api.DirectLine;

/// <summary>What a valid token grants: one conversation, until it expires.</summary>
/// <param name="Kind"><see cref="Conversation"/> for the REST API, <see cref="Stream"/> for a pre-authorized streamUrl.</param>
public sealed record DirectLineToken(string ConversationId, string Kind, DateTimeOffset Expires)
{
    public const string Conversation = "conversation";
    public const string Stream = "stream";
}

/// <summary>The outcome of checking a token.</summary>
public enum TokenCheck
{
    Valid,

    /// <summary>Not one of ours: malformed, wrong signature or the wrong kind (401).</summary>
    Invalid,

    /// <summary>Ours but past its expiry (403, which directlinejs reads as "expired token").</summary>
    Expired,
}
