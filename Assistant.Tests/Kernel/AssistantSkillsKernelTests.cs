using Assistant.Bot.Ratings;
using Assistant.Bot.Skills;
using Microsoft.SemanticKernel;

namespace Assistant.Tests.Kernel;

/// <summary>Each skill invoked through the kernel, offline, on the real catalog, places and trained model.</summary>
[Collection(AssistantGroup.Name)]
public sealed class AssistantSkillsKernelTests(AssistantFixture fixture) : IDisposable
{
    private readonly KernelTestHost _host = new(fixture);

    public void Dispose() => _host.Dispose();

    [Fact]
    public void KernelOffersTheFiveSkillsAsOnePlugin()
    {
        // Act
        var names = _host.Kernel.Plugins[AssistantSkills.PluginName].Select(f => f.Name).Order(StringComparer.Ordinal);

        // Assert
        Assert.Equal(["find_services", "get_service_guide", "open_follow_up_case", "record_rating", "resolve_place"], names);
    }

    [Fact]
    public async Task FindServicesRanksIdCardReissueFirstForALostIdCard()
    {
        // Act
        var matches = await InvokeAsync<ServiceMatches>("find_services", new() { ["text"] = "我身份证丢了，在杭州怎么补办" });

        // Assert
        Assert.Equal(ServiceMatches.Answer, matches.Decision);
        Assert.Equal("id-card-reissue", matches.Label);
        Assert.Equal("id-card-reissue", matches.Candidates[0].Label);
        Assert.InRange(matches.Confidence, 0.3, 1.0);
        Assert.Equal("33", matches.Province);
    }

    [Fact]
    public async Task FindServicesMarksWeatherOutOfScope()
    {
        var matches = await InvokeAsync<ServiceMatches>("find_services", new() { ["text"] = "今天天气怎么样" });

        Assert.Equal(ServiceMatches.OutOfScope, matches.Decision);
    }

    [Fact]
    public async Task ResolvePlaceGivesProvinceAndCityCodes()
    {
        var place = await InvokeAsync<PlaceResolution>("resolve_place", new() { ["text"] = "浙江杭州" });

        Assert.Equal("33", place.ProvinceCode);
        Assert.Equal("330100", place.CityCode);
        Assert.StartsWith("浙江", place.ProvinceName, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ResolvePlaceReadsTraditionalCharactersAsSearchDoes()
    {
        var place = await InvokeAsync<PlaceResolution>("resolve_place", new() { ["text"] = "廣東廣州" });

        Assert.Equal("440100", place.CityCode);
    }

    [Theory]
    [InlineData("浙江杭州", true)]
    [InlineData("那上海呢？", true)]
    [InlineData("我在青岛", true)]
    [InlineData("沪上", true)]
    [InlineData("青岛天气怎么样", false)]     // a question beside the place
    [InlineData("上海的房价", false)]
    [InlineData("我在杭州，身份证丢了", false)]     // a request with its place
    [InlineData("我想去故宫", false)]              // a landmark to visit
    [InlineData("44", false)]                      // a typed code resolves, but is no reply naming a place
    public async Task ResolvePlaceSaysWhetherTheTextIsOnlyAPlace(string text, bool onlyThePlace)
    {
        var place = await InvokeAsync<PlaceResolution>("resolve_place", new() { ["text"] = text });

        Assert.Equal(onlyThePlace, place.SaysOnlyThePlace);
    }

    [Fact]
    public async Task ResolvePlaceIsNullWhenNoPlaceIsNamed()
    {
        var result = await _host.Kernel.InvokeAsync(AssistantSkills.PluginName, "resolve_place", new() { ["text"] = "我身份证丢了" });

        Assert.Null(result.GetValue<PlaceResolution?>());
    }

    [Fact]
    public async Task GetServiceGuideReturnsTheCatalogEntryAndTheProvincesPage()
    {
        // Arrange
        var entry = fixture.Resources.Catalog.Find("id-card-reissue")!;

        // Act
        var guide = await InvokeAsync<ServiceGuide>("get_service_guide", new() { ["serviceId"] = "id-card-reissue", ["province"] = "33" });

        // Assert
        Assert.Equal(entry.Name, guide.Name);
        Assert.Equal(entry.Materials, guide.Materials);
        Assert.Equal("33", guide.ProvinceCode);
        Assert.NotNull(guide.Page);
        Assert.False(guide.NeedsPlace);
    }

    [Fact]
    public async Task GetServiceGuideRejectsAnIdOutsideTheCatalog()
    {
        await Assert.ThrowsAsync<ArgumentException>(() =>
            _host.Kernel.InvokeAsync(AssistantSkills.PluginName, "get_service_guide", new() { ["serviceId"] = "no-such-service" }));
    }

    [Fact]
    public async Task RecordRatingStoresOncePerConversationAndServiceAndOpensACaseForACharge()
    {
        // Act
        var good = await InvokeAsync<RatingOutcome>("record_rating", Rating("kernel-rating-1", 5));
        var again = await InvokeAsync<RatingOutcome>("record_rating", Rating("kernel-rating-1", 4));
        var bad = await InvokeAsync<RatingOutcome>("record_rating", Rating("kernel-rating-2", 1, ["找不到服务"], "页面打不开"));

        // Assert
        Assert.True(good.Stored);
        Assert.Null(good.CaseId);
        Assert.False(again.Stored);
        Assert.True(bad.Stored);
        Assert.NotNull(bad.CaseId);
        Assert.NotNull(bad.DueDate);
    }

    [Fact]
    public async Task OpenFollowUpCaseReturnsANumberAndADueDateInTheFuture()
    {
        var outcome = await InvokeAsync<CaseOutcome>("open_follow_up_case", new()
        {
            ["conversationId"] = "kernel-case", ["kind"] = "投诉", ["summary"] = "窗口工作人员态度不好", ["serviceId"] = "passport",
        });

        Assert.False(string.IsNullOrEmpty(outcome.CaseId));
        Assert.True(outcome.DueDate > DateOnly.FromDateTime(DateTime.UtcNow));
    }

    private static KernelArguments Rating(string conversationId, int level, string[]? reasons = null, string? text = null) => new()
    {
        ["conversationId"] = conversationId, ["serviceId"] = "passport", ["level"] = level, ["channel"] = "test",
        ["province"] = "33", ["reasons"] = reasons, ["text"] = text,
    };

    private async Task<T> InvokeAsync<T>(string function, KernelArguments arguments)
    {
        var result = await _host.Kernel.InvokeAsync(AssistantSkills.PluginName, function, arguments);
        return Assert.IsType<T>(result.GetValue<T>());
    }
}
