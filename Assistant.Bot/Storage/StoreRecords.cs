namespace Assistant.Bot.Storage;

/// <summary>A conversation's saved dialogue state and the eTag it was saved with.</summary>
public sealed record StoredState(string Json, string ETag);

/// <summary>A 好差评 rating: append-only, one per conversation and service (一事一评).</summary>
/// <param name="Level">1 非常不满意 … 5 非常满意.</param>
/// <param name="Text">The citizen's own words, masked.</param>
public sealed record RatingRecord(string Id, string ConversationId, string ServiceId, string? Province, string Channel,
    int Level, IReadOnlyList<string> Reasons, string? Text, DateTimeOffset CreatedAt)
{
    public bool IsNegative => Level <= 2;

    public bool IsPositive => Level >= 4;
}

/// <summary>A case someone must follow up: a 差评 or a complaint, due within working days.</summary>
public sealed record FollowUpCase(string Id, string Kind, string? RatingId, string ConversationId, string? ServiceId,
    string? Province, string Summary, DateOnly DueDate, DateTimeOffset CreatedAt, string Status = FollowUpCase.Open)
{
    public const string Open = "open";
    public const string NegativeRatingKind = "差评";
    public const string ComplaintKind = "投诉";

    public bool IsOverdue(DateOnly today) => Status == Open && DueDate < today;
}

/// <summary>One masked activity of a conversation, kept so nothing the citizen said is lost.</summary>
public sealed record TranscriptEntry(string ConversationId, string Direction, string ActivityJson, DateTimeOffset At)
{
    public const string Incoming = "in";
    public const string Outgoing = "out";
}

/// <summary>Another writer saved the state since it was read.</summary>
public sealed class ETagConflictException(string key) : Exception($"State '{key}' was changed by another turn.");
