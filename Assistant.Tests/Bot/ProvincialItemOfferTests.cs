using Assistant.Bot.Dialogue;
using Assistant.Bot.Skills;
using Assistant.Search.Understanding;

namespace Assistant.Tests.Bot;

/// <summary>Which provincial items are offered, and in what order, for a text judged out of scope.</summary>
public sealed class ProvincialItemOfferTests
{
    private static readonly MatchedItem[] s_tobacco =
    [
        new("change", "烟草专卖零售许可证变更", "51", 258),
        new("reissue", "烟草专卖零售许可证补办", "51", 258),
        new("renew", "烟草专卖零售许可证延续", "51", 258),
        new("close", "烟草专卖零售许可证歇业", "51", 258),
        new("new", "烟草专卖零售许可证新办", "51", 250),
    ];

    [Theory]
    [InlineData("烟草专卖零售许可证怎么办", "new")]            // nothing said about changing it: the issuing item
    [InlineData("烟草专卖零售许可证丢了怎么补", "reissue")]      // said in the citizen's words, not the item's (补办)
    [InlineData("烟草证快到期了要办什么手续", "renew")]
    [InlineData("店要关门了，烟草专卖许可证怎么处理", "close")]
    public void TheItemThatDoesWhatWasSaidComesFirst(string text, string first)
    {
        var offered = ProvincialItemOffer.Choose(Matches(text, null, s_tobacco));

        Assert.Equal(first, offered[0]);
        Assert.Equal(ProvincialItemOffer.MaxItems, offered.Count);
    }

    [Theory]
    [InlineData("卖烟零售赚钱吗", null)]               // asks about the trade, not to do anything
    [InlineData("烟草专卖零售许可证怎么办", "33")]      // the citizen is in Zhejiang; these items are Sichuan's
    public void NothingIsOfferedThatWouldNotHelp(string text, string? province) =>
        Assert.Empty(ProvincialItemOffer.Choose(Matches(text, province, s_tobacco)));

    [Fact]
    public void InformationPagesAreNotOffered() =>
        Assert.Empty(ProvincialItemOffer.Choose(Matches("渔业捕捞许可证怎么办", null, [new("info", "渔业捕捞标准查询", "51", 93)])));

    private static ServiceMatches Matches(string text, string? province, IReadOnlyList<MatchedItem> items) =>
        new(text, text, [], Understanding.OutOfScopeLabel, 0.9, ServiceMatches.OutOfScope, [], province, null, null, items);
}
