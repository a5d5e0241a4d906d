namespace Assistant.Tests.Search;

[Collection(AssistantGroup.Name)]
public sealed class ServiceSearcherTests(AssistantFixture fixture)
{
    [Theory]
    [InlineData("我身份证丢了", "id-card-reissue")]
    [InlineData("驾照到期了要换", "driver-license-renewal")]
    [InlineData("想把公积金取出来", "provident-fund-withdrawal")]
    [InlineData("去香港的通行证", "hk-macau-permit")]
    [InlineData("开个无犯罪记录证明", "no-criminal-record")]
    [InlineData("宝宝出生了怎么上户口", "newborn-hukou")]
    public void ColloquialQueriesFindTheService(string query, string expected) =>
        Assert.Equal(expected, fixture.Search.Search(query).Hits[0].Hit.Service.Id);

    [Theory]
    [InlineData("申份证丢了", "id-card-reissue")]
    [InlineData("社保咔怎么申请", "social-security-card")]
    [InlineData("公鸡金提取", "provident-fund-withdrawal")]
    [InlineData("异地救医备案", "cross-region-medical")]
    public void SpeechRecognitionSlipsStillFindTheService(string query, string expected)
    {
        var top3 = fixture.Search.Search(query, top: 3).Hits.Select(h => h.Hit.Service.Id);

        Assert.Contains(expected, top3);
    }

    [Fact]
    public void LongTailProvincialItemsAreReachable()
    {
        var item = fixture.Resources.Catalog.Services.First(s => s.Id.StartsWith("gd-", StringComparison.Ordinal) && s.Name.Length > 10);

        var hits = fixture.Search.Search(item.Name, "44", 3).Hits;

        var hit = Assert.Single(hits, h => h.Hit.Service.Id == item.Id);
        Assert.Equal(item.Item!.Url is null ? null : "item", hit.Page?.Kind);
        Assert.Equal(item.Item.Url, hit.Page?.Url);
    }

    [Fact]
    public void AnotherProvincesItemsRankBelowCoreServices()
    {
        var inZhejiang = fixture.Search.Search("营业执照办理", "33", 5).Hits;

        Assert.True(inZhejiang[0].Hit.Service.IsCore);
    }

    [Fact]
    public void HitsCarryThePageForTheCitizensProvinceAndTheMatchedWords()
    {
        var result = fixture.Search.Search("在杭州补办身份证");
        var top = result.Hits[0];

        Assert.Equal("33", result.Location!.ProvinceCode);
        Assert.Equal("portal", top.Page!.Kind);
        Assert.Equal("浙里办", top.Page.App);
        Assert.Contains("身份证", top.Hit.Matched);
    }

    [Fact]
    public void TextWithNoServiceWordsFindsNothingStrong()
    {
        var hits = fixture.Search.Search("哈哈哈").Hits;

        Assert.True(hits.Count == 0 || hits[0].Hit.Score < fixture.Search.Search("身份证丢了").Hits[0].Hit.Score / 3);
    }
}
