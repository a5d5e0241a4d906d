using Assistant.Bot.Skills;

namespace Assistant.Tests.Kernel;

/// <summary>What a model wrote is kept only where the catalog backs it.</summary>
[Collection(AssistantGroup.Name)]
public sealed class ModelOutputGuardTests(AssistantFixture fixture)
{
    private readonly HashSet<string> _returned = new(["unemployment-benefit", "unemployment-registration"], StringComparer.Ordinal);

    [Theory]
    [InlineData("unemployment-benefit", "unemployment-benefit")]
    [InlineData("应该是 unemployment-registration。", "unemployment-registration")]
    [InlineData("失业保险金申领", "unemployment-benefit")]
    public void AServiceTheCatalogReturnedIsChosen(string reply, string expected)
    {
        // Arrange: the third case names the service instead of its id.
        Assert.Equal("失业保险金申领", fixture.Resources.Catalog.Find("unemployment-benefit")!.Name);

        // Act
        var chosen = ModelOutputGuard.ChooseService(reply, _returned, fixture.Resources.Catalog, out var dropped);

        // Assert
        Assert.Equal(expected, chosen);
        Assert.Empty(dropped);
    }

    [Theory]
    [InlineData("unemployment-fast-track")]
    [InlineData("passport")]
    [InlineData("none")]
    public void AServiceTheCatalogDidNotReturnIsDropped(string reply)
    {
        var chosen = ModelOutputGuard.ChooseService(reply, _returned, fixture.Resources.Catalog, out var dropped);

        Assert.Null(chosen);
        Assert.Equal(reply == "none" ? [] : [reply], dropped);
    }

    [Fact]
    public void AnAnswerKeepsTheEntrysPageAndDropsInventedLinksAndOtherServices()
    {
        // Arrange
        var guide = Guide("id-card-reissue", "33");
        var page = guide.Page!.Url!;
        var answer = $"需要带户口簿。办理入口是 {page} 。也可以登录 https://fast-id.example.com/apply 加急办理。" +
            "办完还可以顺便办理普通护照签发换发补发。详情见 zwfw-fake.gov.cn/id 。";

        // Act
        var kept = ModelOutputGuard.KeepGrounded(answer, guide, fixture.Resources.Catalog, out var dropped);

        // Assert
        Assert.Equal($"需要带户口簿。办理入口是 {page} 。", kept);
        Assert.Equal(["https://fast-id.example.com/apply", "普通护照签发换发补发", "zwfw-fake.gov.cn/id"], dropped);
    }

    [Fact]
    public void AnAnswerWithNothingGroundedIsNull()
    {
        var kept = ModelOutputGuard.KeepGrounded("请访问 www.example.com 办理。", Guide("passport", "44"), fixture.Resources.Catalog, out _);

        Assert.Null(kept);
    }

    private ServiceGuide Guide(string id, string province)
    {
        var catalog = fixture.Resources.Catalog;
        var service = catalog.Find(id)!;
        return new ServiceGuide(service.Id, service.Name, service.Description, service.Materials, service.Mode, service.Where,
            service.Department, service.CrossProvince, service.TransferSide, province, catalog.Province(province)?.Name,
            catalog.PageFor(service, province), NeedsPlace: false);
    }
}
