using Assistant.Search.Catalog;

namespace Assistant.Tests.Search;

[Collection(AssistantGroup.Name)]
public sealed class CatalogTests(AssistantFixture fixture)
{
    private static readonly string[] s_modes = ["全程网办", "网上预约+现场", "现场"];
    private static readonly string[] s_audiences = ["个人", "法人"];
    private static readonly string[] s_transfers = ["pension-transfer", "medical-insurance-transfer", "provident-fund-transfer", "hukou-transfer"];

    private ServiceCatalog Catalog => fixture.Resources.Catalog;

    [Fact]
    public void EveryCoreIdOfTheSharedListIsInTheCatalogWithItsFields()
    {
        // data/catalog/core-services.csv is the shared list of ids the catalog must hold, copied unchanged.
        var required = File.ReadLines(Path.Combine(AssistantFixture.DataPath, "catalog", "core-services.csv")).Skip(1)
            .Select(l => l.Split(',')[0]).ToList();
        var ids = Catalog.CoreServices.Select(s => s.Id).ToList();
        Assert.Equal(required, ids);
        Assert.Equal(ids.Count, ids.Distinct().Count());
        foreach (var service in Catalog.CoreServices)
        {
            Assert.True(service.Aliases.Count >= 8, $"{service.Id} has {service.Aliases.Count} aliases");
            Assert.NotEmpty(service.Keywords);
            Assert.False(string.IsNullOrWhiteSpace(service.Description), service.Id);
            Assert.NotEmpty(service.Materials);
            Assert.Contains(service.Mode, s_modes);
            Assert.Contains(service.Audience, s_audiences);
            Assert.False(string.IsNullOrWhiteSpace(service.Where), service.Id);
        }
    }

    [Fact]
    public void TransfersSayWhichSideHandlesThem()
    {
        foreach (var id in s_transfers)
        {
            Assert.Equal("转入地", Catalog.Find(id)!.TransferSide);
        }

        Assert.Null(Catalog.Find("passport")!.TransferSide);
    }

    [Fact]
    public void AllProvincesAndBingtuanKeepTheirUncertaintyFlags()
    {
        Assert.Equal(32, Catalog.Provinces.Count);
        Assert.Contains("code", Catalog.Province("66")!.Uncertain);
        Assert.True(Catalog.Province("11")!.AppUncertain);
        Assert.False(Catalog.Province("33")!.AppUncertain);
    }

    [Fact]
    public void ThousandsOfRealProvincialItemsAreSearchableEntries()
    {
        var items = Catalog.Services.Where(s => !s.IsCore).ToList();
        Assert.True(items.Count > 3000, $"{items.Count} items");
        Assert.Contains(items, s => s.Province == "44");
        Assert.Contains(items, s => s.Province == "51");
    }

    [Fact]
    public void PageIsThePortalWhereNoItemIsKnown()
    {
        var page = Catalog.PageFor(Catalog.Find("id-card-reissue")!, "33");

        Assert.Equal(ServicePage.PortalKind, page!.Kind);
        Assert.Equal("https://www.zjzwfw.gov.cn/", page.Url);
        Assert.Equal("浙里办", page.App);
        Assert.False(page.Verified);    // the source flags 浙江's portal_url as uncertain
    }

    [Fact]
    public void PageIsTheRealItemWhereOneMatches()
    {
        var match = Catalog.ItemMatches.First(m => m.Province == "44" && m.Item.Url is not null && m.Item.AreaCode == "440000");
        var page = Catalog.PageFor(Catalog.Find(match.ServiceId)!, "44");

        Assert.Equal(ServicePage.ItemKind, page!.Kind);
        Assert.Equal(match.Item.Url, page.Url);
        Assert.Contains("2021", page.Note, StringComparison.Ordinal);
    }

    [Fact]
    public void CountyItemsAreOnlyOfferedToThatCounty()
    {
        var match = Catalog.ItemMatches.First(m => m.Province == "51");
        var service = Catalog.Find(match.ServiceId)!;

        Assert.Equal(ServicePage.ItemKind, Catalog.PageFor(service, "51", "511600")!.Kind);      // 广安市
        Assert.Equal(ServicePage.PortalKind, Catalog.PageFor(service, "51", "510100")!.Kind);    // 成都市
        Assert.Equal(ServicePage.PortalKind, Catalog.PageFor(service, "51")!.Kind);              // city unknown
    }

    [Fact]
    public void NationalServicesPointToTheirPlatform()
    {
        var page = Catalog.PageFor(Catalog.Find("income-tax-settlement")!, "33");

        Assert.Equal(ServicePage.NationalKind, page!.Kind);
        Assert.Null(page.Url);
        Assert.Contains("个人所得税", page.App, StringComparison.Ordinal);
    }
}
