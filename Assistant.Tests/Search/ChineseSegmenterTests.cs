using Assistant.Search.Text;

namespace Assistant.Tests.Search;

[Collection(AssistantGroup.Name)]
public sealed class ChineseSegmenterTests(AssistantFixture fixture)
{
    private ChineseSegmenter Segmenter => fixture.Resources.Features.Segmenter;

    [Theory]
    [InlineData("社保卡", new[] { "社保", "卡" })]
    [InlineData("养老保险", new[] { "养老", "保险" })]
    [InlineData("杭州市", new[] { "杭州市" })]
    public void SmartCnAloneSplitsDomainTerms(string text, string[] expected) =>
        Assert.Equal(expected, ChineseSegmenter.SmartCnTokens(text));

    [Theory]
    [InlineData("社保卡丢了", new[] { "社保", "社保卡", "卡", "丢" })]
    [InlineData("养老保险转移", new[] { "养老", "养老保险", "保险", "转移" })]
    [InlineData("我在杭州市上班", new[] { "杭州市", "杭州", "上班" })]
    [InlineData("港澳通行证续签", new[] { "港澳", "港澳通行证", "通行证", "续签" })]
    public void TermExpansionAddsWholeDomainTermsAndPlaces(string text, string[] expected) =>
        Assert.Equal(expected, Segmenter.Segment(text));

    [Fact]
    public void StopWordsAndPunctuationAreDropped() =>
        Assert.Equal(["身份证", "丢"], Segmenter.Segment("我的身份证，丢了！"));

    [Fact]
    public void HomophoneSlipsShareThePinyinOfTheRightWord()
    {
        var features = fixture.Resources.Features;
        Assert.Equal(features.PinyinBigrams("身份证"), features.PinyinBigrams("申份证"));
        Assert.Equal(features.PinyinBigrams("公积金"), features.PinyinBigrams("公鸡金"));
        Assert.Equal(["she_bao", "bao_ka"], features.PinyinBigrams("社保咔"));
    }
}
