namespace Assistant.Bot.Storage;

/// <summary>Durable storage for dialogue state (with eTags), transcripts, ratings and follow-up cases.</summary>
public interface IBotStore
{
    /// <summary>Creates tables when missing.</summary>
    Task InitializeAsync(CancellationToken cancellationToken);

    Task<StoredState?> ReadStateAsync(string key, CancellationToken cancellationToken);

    /// <summary>Saves state if it is still at <paramref name="expectedETag"/> (null: must not exist yet); returns the new eTag.</summary>
    /// <exception cref="ETagConflictException">Someone else saved in between.</exception>
    Task<string> WriteStateAsync(string key, string json, string? expectedETag, CancellationToken cancellationToken);

    Task DeleteStateAsync(string key, CancellationToken cancellationToken);

    Task AppendTranscriptAsync(IReadOnlyList<TranscriptEntry> entries, CancellationToken cancellationToken);

    Task<IReadOnlyList<TranscriptEntry>> ReadTranscriptAsync(string conversationId, CancellationToken cancellationToken);

    /// <summary>Stores a rating and, for a 差评, its follow-up case in one transaction.</summary>
    /// <returns>False when the conversation already rated this service (nothing is stored).</returns>
    Task<bool> AddRatingAsync(RatingRecord rating, FollowUpCase? followUp, CancellationToken cancellationToken);

    Task<bool> HasRatingAsync(string conversationId, string serviceId, CancellationToken cancellationToken);

    Task AddCaseAsync(FollowUpCase followUp, CancellationToken cancellationToken);

    /// <summary>The latest case of <paramref name="kind"/> with exactly this summary in the conversation, created at or
    /// after <paramref name="since"/>, or null.</summary>
    Task<FollowUpCase?> FindCaseAsync(string conversationId, string kind, string summary, DateTimeOffset since,
        CancellationToken cancellationToken);

    Task<IReadOnlyList<RatingRecord>> ListRatingsAsync(CancellationToken cancellationToken);

    Task<IReadOnlyList<FollowUpCase>> ListCasesAsync(CancellationToken cancellationToken);
}
