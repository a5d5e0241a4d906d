using System.Globalization;
using System.Security.Cryptography;
using Assistant.Bot.Privacy;
using Assistant.Bot.Storage;
using Microsoft.Extensions.Options;

namespace Assistant.Bot.Ratings;

/// <summary>What happened to a rating.</summary>
/// <param name="Stored">False when this conversation had already rated the service (一事一评).</param>
public sealed record RatingOutcome(bool Stored, string? RatingId, string? CaseId, DateOnly? DueDate);

/// <summary>A follow-up case that was opened.</summary>
public sealed record CaseOutcome(string CaseId, DateOnly DueDate);

/// <summary>
/// Records 好差评 ratings (levels 1–5 only, masked text, never a default) and opens follow-up cases for 差评 and
/// complaints with a due date in working days.
/// </summary>
public sealed class RatingService(IBotStore store, IOptions<RatingOptions> options, TimeProvider time)
{
    private readonly WorkingCalendar _calendar = new(options.Value.Holidays, options.Value.ExtraWorkdays);

    public static readonly IReadOnlyList<string> NegativeReasons = ["办事指南不准确", "找不到服务", "答非所问", "流程繁琐", "其他"];

    public async Task<RatingOutcome> RecordAsync(string conversationId, string serviceId, string? province, string channel,
        int level, IReadOnlyList<string> reasons, string? text, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(level, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(level, 5);
        conversationId = StoredId(conversationId);
        var now = time.GetUtcNow();
        var rating = new RatingRecord(NewId("R", now), conversationId, serviceId, province, channel, level, reasons,
            PersonalDataMasker.Mask(text), now);
        FollowUpCase? followUp = null;
        if (rating.IsNegative)
        {
            var summary = $"差评（{Level(level)}）：{string.Join("、", reasons)}{(string.IsNullOrWhiteSpace(rating.Text) ? "" : "；" + rating.Text)}";
            followUp = new FollowUpCase(NewId("HC", now), FollowUpCase.NegativeRatingKind, rating.Id, conversationId, serviceId,
                province, summary, DueDate(now), now);
        }

        var stored = await store.AddRatingAsync(rating, followUp, cancellationToken);
        return stored ? new RatingOutcome(true, rating.Id, followUp?.Id, followUp?.DueDate) : new RatingOutcome(false, null, null, null);
    }

    public Task<bool> HasRatedAsync(string conversationId, string serviceId, CancellationToken cancellationToken) =>
        store.HasRatingAsync(StoredId(conversationId), serviceId, cancellationToken);

    public async Task<CaseOutcome> OpenCaseAsync(string conversationId, string kind, string summary, string? serviceId,
        string? province, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var conversation = StoredId(conversationId);
        var masked = PersonalDataMasker.Mask(summary) ?? "";
        // The same case sent again within minutes (the same complaint filed twice in a row, a turn run again after an eTag
        // conflict on a shared database) is the case already registered: the citizen gets its number once more.
        if (await store.FindCaseAsync(conversation, kind, masked, now - RepeatWindow, cancellationToken) is { } registered)
        {
            return new CaseOutcome(registered.Id, registered.DueDate);
        }

        var followUp = new FollowUpCase(NewId("TS", now), kind, null, conversation, serviceId, province, masked, DueDate(now), now);
        await store.AddCaseAsync(followUp, cancellationToken);
        return new CaseOutcome(followUp.Id, followUp.DueDate);
    }

    /// <summary>How long the same case, sent again in the same conversation, counts as a repeat.</summary>
    public static readonly TimeSpan RepeatWindow = TimeSpan.FromMinutes(10);

    // A telephone channel may use the caller's number as the conversation id: it is stored masked, and looked up masked,
    // so 一事一评 holds whether or not the kernel filter masked the argument first.
    private static string StoredId(string conversationId) => PersonalDataMasker.Mask(conversationId)!;

    public DateOnly Today => DateOnly.FromDateTime(ChinaTime(time.GetUtcNow()));

    public static string Level(int level) => level switch
    {
        5 => "非常满意",
        4 => "满意",
        3 => "基本满意",
        2 => "不满意",
        1 => "非常不满意",
        _ => throw new ArgumentOutOfRangeException(nameof(level)),
    };

    private DateOnly DueDate(DateTimeOffset now) =>
        _calendar.AddWorkingDays(DateOnly.FromDateTime(ChinaTime(now)), options.Value.FollowUpWorkingDays);

    // Due dates are counted in the citizen's calendar (China Standard Time, no daylight saving).
    private static DateTime ChinaTime(DateTimeOffset utc) => utc.ToOffset(TimeSpan.FromHours(8)).DateTime;

    // Readable and unique enough for a citizen to quote on the phone: prefix, date, six random hex digits.
    private static string NewId(string prefix, DateTimeOffset now) =>
        string.Create(CultureInfo.InvariantCulture, $"{prefix}{ChinaTime(now):yyyyMMdd}-{Convert.ToHexString(RandomNumberGenerator.GetBytes(3))}");
}
