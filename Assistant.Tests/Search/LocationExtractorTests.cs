using Assistant.Search.Understanding;

namespace Assistant.Tests.Search;

[Collection(AssistantGroup.Name)]
public sealed class LocationExtractorTests(AssistantFixture fixture)
{
    [Theory]
    [InlineData("在杭州怎么补办身份证", "33", "330100")]
    [InlineData("浙江杭州社保卡", "33", "330100")]
    [InlineData("我在昆山上班", "32", "320500")]
    [InlineData("深圳南山哪里办护照", "44", "440300")]
    [InlineData("北京朝阳区办居住证", "11", "110100")]
    [InlineData("恩施的公积金", "42", "422800")]
    [InlineData("老家河南", "41", null)]
    [InlineData("新疆乌鲁木齐", "65", "650100")]
    public void PlacesResolveToProvinceAndCity(string text, string province, string? city)
    {
        var location = fixture.Search.Analyzer.Analyze(text).Location;

        Assert.NotNull(location);
        Assert.Equal(province, location.ProvinceCode);
        Assert.Equal(city, location.CityCode);
    }

    [Fact]
    public void DistrictShortFormNeedsItsCity()
    {
        var mentions = fixture.Resources.Locations.Extract("深圳南山");

        Assert.Equal(["深圳", "南山"], mentions.Select(m => m.Text));
        Assert.Equal("440305", mentions[1].Division.Code);
        Assert.Empty(fixture.Resources.Locations.Extract("南山有什么好玩"));   // 南山 alone is not a place we can trust
    }

    [Theory]
    [InlineData("公安局在哪")]
    [InlineData("身份证丢了怎么办")]
    [InlineData("我想办社保卡")]
    public void ServiceWordsAreNotPlaces(string text) => Assert.Null(fixture.Search.Analyzer.Analyze(text).Location);

    [Theory]
    [InlineData("我在深圳上班，老家河南，养老保险想转回去", "转入地", "44", "41")]
    [InlineData("公积金从北京转到成都", "转入地", "11", "51")]
    [InlineData("户口从老家迁到南京", "转入地", "32", "32")]
    [InlineData("在上海办社保卡", null, "31", null)]
    public void TransfersRouteToTheHandlingProvince(string text, string? side, string province, string? toProvince)
    {
        var analyzed = fixture.Search.Analyzer.Analyze(text);

        var (from, to) = PlaceRoles.Resolve(analyzed.Normalized.Canonical, analyzed.Places, side);

        Assert.Equal(province, from);
        Assert.Equal(toProvince, to);
    }
}
