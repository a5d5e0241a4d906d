using Assistant.Bot.Privacy;

namespace Assistant.Tests.Bot;

public sealed class PersonalDataMaskerTests
{
    [Theory]
    [InlineData("我的身份证号是110101199003074512", "我的身份证号是110101********4512")]
    [InlineData("身份证11010119900307451X丢了", "身份证110101********451X丢了")]
    [InlineData("电话13812345678", "电话138****5678")]
    [InlineData("打+86 13812345678找我", "打+86*******5678找我")]
    [InlineData("电话138 1234 5678", "电话138****5678")]                 // spoken in groups
    [InlineData("电话１３８１２３４５６７８", "电话138****5678")]      // full-width, as Chinese input methods type: folded, then masked
    [InlineData("卡号6222 0212 3456 7890 123", "卡号6222***********0123")]
    [InlineData("卡号6222021234567890", "卡号6222********7890")]
    public void MasksIdMobileAndBankNumbers(string text, string expected) => Assert.Equal(expected, PersonalDataMasker.Mask(text));

    [Theory]
    [InlineData("办件编号2023123")]
    [InlineData("12345政务服务便民热线")]
    [InlineData("2026年12月18日前")]
    [InlineData("我想办社保卡")]
    public void LeavesOtherNumbersAlone(string text) => Assert.Equal(text, PersonalDataMasker.Mask(text));
}
