using Assistant.Bot.Dialogue;

namespace Assistant.Tests.Bot;

public sealed class ReplyRecognizersTests
{
    [Theory]
    [InlineData("是", true)]
    [InlineData("对的", true)]
    [InlineData("好的，谢谢", true)]
    [InlineData("嗯", true)]
    [InlineData("不是", false)]
    [InlineData("不用了", false)]
    [InlineData("算了吧", false)]
    public void ChineseYesAndNo(string text, bool yes)
    {
        Assert.Equal(yes, ReplyRecognizers.IsYes(text));
        Assert.Equal(!yes, ReplyRecognizers.IsNo(text));
    }

    [Theory]
    [InlineData("非常满意", 5)]
    [InlineData("满意", 4)]
    [InlineData("挺满意的", 4)]
    [InlineData("基本满意", 3)]
    [InlineData("不满意", 2)]
    [InlineData("不太满意", 2)]
    [InlineData("非常不满意！", 1)]
    [InlineData("5分", 5)]
    [InlineData("一星", 1)]
    public void RatingLevelsFromWordsAndNumbers(string text, int level) => Assert.Equal(level, ReplyRecognizers.RatingLevel(text));

    [Theory]
    [InlineData("我想办社保卡")]
    [InlineData("6")]
    [InlineData("")]
    public void OtherTextIsNoRating(string text) => Assert.Null(ReplyRecognizers.RatingLevel(text));

    [Theory]
    [InlineData("2", 2)]
    [InlineData("第二个", 2)]
    [InlineData("三", 3)]
    [InlineData("第1项", 1)]
    [InlineData("选4", 4)]
    public void ChoiceNumbers(string text, int number) => Assert.Equal(number, ReplyRecognizers.ChoiceNumber(text));

    [Theory]
    [InlineData("2", 2)]
    [InlineData("1，转到浙江", 1)]
    [InlineData("第二个 在杭州办", 2)]
    [InlineData("三号线地铁，怎么办", null)]     // the first clause must be a number alone
    [InlineData("2024年的社保，怎么查", null)]
    [InlineData("转到浙江，1", null)]            // said first, not anywhere
    public void LeadingChoiceNumbers(string text, int? number) => Assert.Equal(number, ReplyRecognizers.LeadingChoiceNumber(text));

    [Theory]
    [InlineData("受理编号7319055218846现在什么状态", "7319055218846")]
    [InlineData("办件编号GZ2025110300452 现在啥进度", "GZ2025110300452")]
    [InlineData("流水号是20251108-0091 查一下", "20251108-0091")]
    [InlineData("12345热线说去窗口查进度", null)]     // five digits: a hotline, not a receipt
    [InlineData("我想查一下办件进度", null)]
    public void ReceiptNumbers(string text, string? number) => Assert.Equal(number, ReplyRecognizers.ReceiptNumber(text));
}
