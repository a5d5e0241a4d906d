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

    [Theory]
    [InlineData("jiazhao", "jia zhao")]
    [InlineData("xianggang", "xiang gang")]
    [InlineData("xian", "xian")]
    [InlineData("gongzufang", "gong zu fang")]
    [InlineData("nvxu", "nv xu")]
    [InlineData("henan", "he nan")]       // not hen an: a syllable starting with a vowel would follow an apostrophe
    [InlineData("jinan", "ji nan")]
    [InlineData("fangan", "fan gan")]     // 方案 is written fang'an
    [InlineData("lue", "lve")]
    [InlineData("hello", null)]
    [InlineData("id", null)]
    [InlineData("hm", null)]
    public void TypedPinyinSplitsIntoSyllables(string word, string? expected) =>
        Assert.Equal(expected, fixture.Resources.Features.PinyinTable.Syllables(word) is { } s ? string.Join(' ', s) : null);

    [Fact]
    public async Task ALongWordThatAlmostSplitsIsRejectedWithoutTryingEverySplit()
    {
        // 200 × xian (xian or xi an each time) and a q: 2^200 splits to try without remembering dead ends. The timeout
        // only stops a hang; it measures nothing.
        var word = string.Concat(Enumerable.Repeat("xian", 200)) + "q";
        var split = await Task.Run(() => fixture.Resources.Features.PinyinTable.Syllables(word)).WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Null(split);
    }

    [Fact]
    public void AVeryLongWordIsSplitWithoutRecursion()
    {
        // 200,000 syllables: a recursive split would overflow the stack and take the process down.
        var word = string.Concat(Enumerable.Repeat("a", 200_000));
        Assert.Equal(200_000, fixture.Resources.Features.PinyinTable.Syllables(word)?.Length);
    }

    [Theory]
    [InlineData("jiazhao diule", "驾照丢了")]
    [InlineData("laodong zhongcai", "劳动仲裁")]
    [InlineData("shebaoka", "社保卡")]
    [InlineData("xi'an shebao", "西安社保")]
    public void PinyinTypedWithoutCharactersMeetsTheWordsSyllables(string typed, string written)
    {
        var features = fixture.Resources.Features;
        Assert.Equal(features.PinyinBigrams(written), features.PinyinBigrams(typed));
    }

    [Theory]
    [InlineData("hello 你好")]       // not pinyin
    [InlineData("thank you")]        // you alone is a syllable, but a one-syllable run gives nothing
    [InlineData("jia2zhao")]         // a digit ends the run, leaving single syllables
    public void EnglishAndBrokenRunsGiveNoTypedPinyin(string text) =>
        Assert.Equal(fixture.Resources.Features.PinyinBigrams(new string([.. text.Where(FeatureExtractor.IsHan)])),
            fixture.Resources.Features.PinyinBigrams(text));
}
