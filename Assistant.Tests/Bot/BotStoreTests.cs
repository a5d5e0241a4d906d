using Assistant.Bot.Storage;

namespace Assistant.Tests.Bot;

/// <summary>The same storage behaviour on SQLite and PostgreSQL.</summary>
[Collection(AssistantGroup.Name)]
public sealed class BotStoreTests(AssistantFixture fixture)
{
    [Theory]
    [MemberData(nameof(TestDatabases.Kinds), MemberType = typeof(TestDatabases))]
    public async Task StateWritesCheckTheETag(string kind)
    {
        using var bot = new BotHarness(fixture, kind);
        var store = bot.Store;

        var first = await store.WriteStateAsync("test/conversations/a/", "{\"n\":1}", null, CancellationToken.None);
        var second = await store.WriteStateAsync("test/conversations/a/", "{\"n\":2}", first, CancellationToken.None);

        // A writer that read before the second save, and a second creator, must both be refused.
        await Assert.ThrowsAsync<ETagConflictException>(() => store.WriteStateAsync("test/conversations/a/", "{\"n\":3}", first, CancellationToken.None));
        await Assert.ThrowsAsync<ETagConflictException>(() => store.WriteStateAsync("test/conversations/a/", "{\"n\":4}", null, CancellationToken.None));
        var stored = await store.ReadStateAsync("test/conversations/a/", CancellationToken.None);
        Assert.Equal(new StoredState("{\"n\":2}", second), stored);
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Kinds), MemberType = typeof(TestDatabases))]
    public async Task TheSameCaseSentAgainWithinTheWindowIsTheCaseAlreadyRegistered(string kind)
    {
        using var bot = new BotHarness(fixture, kind);
        var clock = new Assistant.Tests.Api.DirectLine.ManualClock(new DateTimeOffset(2026, 11, 30, 2, 0, 0, TimeSpan.Zero));
        var ratings = new Assistant.Bot.Ratings.RatingService(bot.Store,
            Microsoft.Extensions.Options.Options.Create(new Assistant.Bot.Ratings.RatingOptions()), clock);
        Task<Assistant.Bot.Ratings.CaseOutcome> Open(string conversation, string summary) =>
            ratings.OpenCaseAsync(conversation, FollowUpCase.ComplaintKind, summary, null, "33", CancellationToken.None);

        var first = await Open("dup-1", "窗口人员态度差");
        clock.Advance(TimeSpan.FromMinutes(1));
        var resent = await Open("dup-1", "窗口人员态度差");          // a double tap, a resent message, a re-run turn
        var otherText = await Open("dup-1", "排队两个小时");
        var otherConversation = await Open("dup-2", "窗口人员态度差");
        clock.Advance(Assistant.Bot.Ratings.RatingService.RepeatWindow);
        var muchLater = await Open("dup-1", "窗口人员态度差");

        Assert.Equal(first, resent);
        Assert.Equal(4, new[] { first.CaseId, otherText.CaseId, otherConversation.CaseId, muchLater.CaseId }.Distinct().Count());
        var cases = (await bot.Store.ListCasesAsync(CancellationToken.None)).Where(c => c.ConversationId.StartsWith("dup-", StringComparison.Ordinal));
        Assert.Equal(4, cases.Count());
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Kinds), MemberType = typeof(TestDatabases))]
    public async Task OneRatingPerConversationAndServiceWithItsCaseInTheSameTransaction(string kind)
    {
        using var bot = new BotHarness(fixture, kind);
        var store = bot.Store;
        var now = DateTimeOffset.UtcNow;
        var rating = new RatingRecord("R1", "conv-1", "id-card-reissue", "33", "test", 2, ["答非所问"], "没找到", now);
        var followUp = new FollowUpCase("HC1", FollowUpCase.NegativeRatingKind, "R1", "conv-1", "id-card-reissue", "33", "差评", new DateOnly(2026, 12, 18), now);

        Assert.True(await store.AddRatingAsync(rating, followUp, CancellationToken.None));
        Assert.False(await store.AddRatingAsync(rating with { Id = "R2", Level = 5 }, null, CancellationToken.None));
        Assert.True(await store.AddRatingAsync(rating with { Id = "R3", ServiceId = "passport" }, null, CancellationToken.None));

        var ratings = await store.ListRatingsAsync(CancellationToken.None);
        Assert.Equal(["R1", "R3"], ratings.Select(r => r.Id).Order());
        var kept = ratings.Single(r => r.Id == "R1");
        Assert.Equal((2, "33", "没找到"), (kept.Level, kept.Province, kept.Text));
        Assert.Equal(["答非所问"], kept.Reasons);
        var cases = await store.ListCasesAsync(CancellationToken.None);
        Assert.Equal("R1", Assert.Single(cases).RatingId);
        Assert.Equal(new DateOnly(2026, 12, 18), cases[0].DueDate);
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Kinds), MemberType = typeof(TestDatabases))]
    public async Task TheDatabaseRefusesLevelsOutsideOneToFive(string kind)
    {
        using var bot = new BotHarness(fixture, kind);
        var rating = new RatingRecord("R9", "conv-9", "passport", null, "test", 6, [], null, DateTimeOffset.UtcNow);

        await Assert.ThrowsAnyAsync<System.Data.Common.DbException>(() => bot.Store.AddRatingAsync(rating, null, CancellationToken.None));
        Assert.Empty(await bot.Store.ListRatingsAsync(CancellationToken.None));
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Kinds), MemberType = typeof(TestDatabases))]
    public async Task TranscriptKeepsOrderPerConversation(string kind)
    {
        using var bot = new BotHarness(fixture, kind);
        var at = DateTimeOffset.UtcNow;
        await bot.Store.AppendTranscriptAsync([new("c", "in", "{\"text\":\"一\"}", at), new("c", "out", "{\"text\":\"二\"}", at)], CancellationToken.None);
        await bot.Store.AppendTranscriptAsync([new("other", "in", "{}", at), new("c", "in", "{\"text\":\"三\"}", at)], CancellationToken.None);

        var entries = await bot.Store.ReadTranscriptAsync("c", CancellationToken.None);

        Assert.Equal(["{\"text\":\"一\"}", "{\"text\":\"二\"}", "{\"text\":\"三\"}"], entries.Select(e => e.ActivityJson));
        Assert.Equal(["in", "out", "in"], entries.Select(e => e.Direction));
    }
}
