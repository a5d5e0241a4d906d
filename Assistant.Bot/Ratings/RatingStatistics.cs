using Assistant.Bot.Storage;

namespace Assistant.Bot.Ratings;

/// <summary>Counts for one group of ratings (all, one service or one province).</summary>
public sealed record RatingCounts(int Total, IReadOnlyDictionary<string, int> PerLevel, double? GoodRate, int Negative);

/// <summary>The 好差评 dashboard: counts per level, 好评率 (levels 4–5), 差评, open and overdue cases, per service and province.</summary>
public sealed record RatingStatistics(RatingCounts Overall, int OpenCases, int OverdueCases,
    IReadOnlyDictionary<string, RatingCounts> PerService, IReadOnlyDictionary<string, RatingCounts> PerProvince)
{
    public static RatingStatistics From(IReadOnlyList<RatingRecord> ratings, IReadOnlyList<FollowUpCase> cases, DateOnly today) =>
        new(Count(ratings),
            cases.Count(c => c.Status == FollowUpCase.Open),
            cases.Count(c => c.IsOverdue(today)),
            ratings.GroupBy(r => r.ServiceId).OrderBy(g => g.Key, StringComparer.Ordinal).ToDictionary(g => g.Key, g => Count([.. g])),
            ratings.GroupBy(r => r.Province ?? "unknown").OrderBy(g => g.Key, StringComparer.Ordinal)
                .ToDictionary(g => g.Key, g => Count([.. g])));

    private static RatingCounts Count(IReadOnlyList<RatingRecord> ratings) =>
        new(ratings.Count,
            Enumerable.Range(1, 5).Reverse().ToDictionary(RatingService.Level, level => ratings.Count(r => r.Level == level)),
            ratings.Count == 0 ? null : Math.Round((double)ratings.Count(r => r.IsPositive) / ratings.Count, 4),
            ratings.Count(r => r.IsNegative));
}
