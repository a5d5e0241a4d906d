using Assistant.Search.Text;

namespace Assistant.Tests.Search;

[Collection(AssistantGroup.Name)]
public sealed class TextNormalizerTests(AssistantFixture fixture)
{
    private TextNormalizer Normalizer => fixture.Resources.Normalizer;

    [Theory]
    [InlineData("ＡＢＣ１２３", "abc123")]                       // full width → half width, lower case
    [InlineData("身份證補辦", "身份证补办")]                        // traditional → simplified (Unihan)
    [InlineData("護照\u3000過期了", "护照 过期了")]                 // ideographic space
    [InlineData("孩子十六岁了", "孩子16岁了")]                      // numerals before a unit
    [InlineData("二零二四年交的", "2024年交的")]
    [InlineData("等了两三天", "等了两三天")]
    [InlineData("零零七号", "007号")]                               // read out: leading zeros kept
    [InlineData("一二三四五六七八九零一二三四五六七八九零号", "12345678901234567890号")]     // longer than a long: still no crash
    [InlineData("社保卡咋整", "社保卡怎么办")]                      // dialect → standard
    [InlineData("身份证点样补", "身份证怎么补")]
    [InlineData("那个驾本到期了 行驶本也丢了", "那个驾驶证到期了 行驶证也丢了")]     // spoken names of the driving documents
    [InlineData("SFZ丢了 gjj咋取", "身份证丢了 公积金怎么取")]     // pinyin-initial abbreviations
    [InlineData("想Renew我的Passport", "想换我的护照")]     // English words mixed in
    [InlineData("No criminal record certificate咋开", "no 无犯罪记录 证明怎么开")]
    [InlineData("birth certificate在哪开", "出生证明在哪开")]            // the longest row first, not certificate alone
    [InlineData("company deregistration怎么办", "公司 注销怎么办")]
    [InlineData("accompany老人去办", "accompany老人去办")]             // whole Latin words only
    [InlineData("chukou hukou", "chukou 户口")]
    [InlineData("unregistered", "unregistered")]
    [InlineData("lost 2 passports", "丢了 2 护照")]                    // English endings belong to the word
    [InlineData("company registered了吗", "公司 注册了吗")]
    [InlineData("renewing id cards", "换 身份证")]
    [InlineData("passportless", "passportless")]                       // not an ending: another word
    [InlineData("byebye", "再见")]
    [InlineData("sfz123丢了", "身份证123丢了")]                          // digits and Han are word edges
    [InlineData("Driver’s License丢了", "驾驶证丢了")]
    public void CanonicalizeFoldsTheVariants(string input, string expected) =>
        Assert.Equal(expected, Normalizer.Canonicalize(input));

    [Theory]
    [InlineData("请问一下，身份证丢了怎么办啊？", "身份证丢了")]
    [InlineData("我想问一下社保卡怎么办理", "社保卡")]
    [InlineData("你好，帮我查一下公积金", "公积金")]
    public void CoreDropsFillersAndPunctuation(string input, string expected) =>
        Assert.Equal(expected, Normalizer.Normalize(input).Core);

    [Fact]
    public void ParticlesInsidePlaceNamesSurvive() =>
        Assert.Contains("哈尔滨", Normalizer.Normalize("我在哈尔滨办社保卡").Core, StringComparison.Ordinal);

    [Theory]
    [InlineData("十六", 16L)]
    [InlineData("二十", 20L)]
    [InlineData("一百零五", 105L)]
    [InlineData("两", 2L)]
    [InlineData("三千", 3000L)]
    [InlineData("二零二四", 2024L)]     // a year read out digit by digit
    [InlineData("一九九八", 1998L)]
    [InlineData("三五", null)]         // two digits without a unit: a few (三五天, 两三天), not 35
    [InlineData("两三", null)]
    [InlineData("一二三四五六七八九零一二三四五六七八九零", null)]     // twenty digits: more than a long holds
    public void ChineseNumeralsParse(string numeral, long? expected) => Assert.Equal(expected, ChineseNumerals.Parse(numeral));
}
