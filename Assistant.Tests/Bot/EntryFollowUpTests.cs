using Assistant.Bot.Dialogue;
using Assistant.Bot.Skills;

namespace Assistant.Tests.Bot;

/// <summary>
/// Without a language model, a question about the service just answered is answered from its catalog entry (the
/// default configuration), through the real understanding step and dialogue.
/// </summary>
[Collection(AssistantGroup.Name)]
public sealed class EntryFollowUpTests(AssistantFixture fixture) : IDisposable
{
    private readonly BotHarness _bot = new(fixture, TestDatabases.Sqlite);

    public void Dispose() => _bot.Dispose();

    private async Task AnsweredLostIdCardAsync(string conversation)
    {
        await _bot.SayAsync(conversation, "我身份证丢了");
        var answer = await _bot.SayAsync(conversation, "浙江杭州");
        Assert.Contains("为您找到：居民身份证补领", answer.AllText());
    }

    [Fact]
    public async Task ANamedMaterialIsLookedUpInTheEntryAndTheRatingIsStillAsked()
    {
        await AnsweredLostIdCardAsync("f1");

        var reply = await _bot.SayAsync("f1", "要带户口本吗？");

        var text = reply.AllText();
        Assert.StartsWith("要，所需材料里有：居民户口簿", text);
        Assert.Contains("（依据：服务目录“居民身份证补领（遗失）”，浙江省", text);
        Assert.Equal(["非常满意", "满意", "基本满意", "不满意", "非常不满意"], reply.LastButtons());
        var rated = await _bot.SayAsync("f1", "满意");
        Assert.Contains("感谢您的评价", rated.AllText());
    }

    [Fact]
    public async Task AMaterialTheEntryDoesNotListIsSaidToBeMissingWithTheWholeList()
    {
        await AnsweredLostIdCardAsync("f2");

        var text = (await _bot.SayAsync("f2", "要带介绍信吗")).AllText();

        Assert.StartsWith("所需材料里没有列介绍信。居民身份证补领（遗失）需要准备：居民户口簿", text);
    }

    [Fact]
    public async Task TimeAndFeeAreNotInventedAndTheModeComesFromTheEntry()
    {
        await AnsweredLostIdCardAsync("f3");

        var fee = (await _bot.SayAsync("f3", "要多少钱？")).AllText();
        var online = (await _bot.SayAsync("f3", "能在手机上办吗")).AllText();

        Assert.StartsWith("服务目录没有收录这项的办理时限和收费", fee);
        Assert.StartsWith("办理方式是网上预约+现场", online);
    }

    [Fact]
    public async Task AQuestionAboutAnotherServiceIsANewRequest()
    {
        await AnsweredLostIdCardAsync("f4");

        var text = (await _bot.SayAsync("f4", "护照在哪办？")).AllText();

        Assert.DoesNotContain("依据：服务目录", text);
        Assert.Contains("护照", text);
    }

    [Fact]
    public async Task AQuestionBetweenTwoOtherServicesIsANewRequest()
    {
        await AnsweredLostIdCardAsync("f9");

        var text = (await _bot.SayAsync("f9", "护照和港澳通行证在哪办")).AllText();

        Assert.DoesNotContain("依据：服务目录", text);
        Assert.DoesNotContain("派出所户政窗口", text);
    }

    [Fact]
    public async Task ABareLowLevelWithNothingToRateOffersAComplaintAndADigitIsNotALevel()
    {
        var low = await _bot.SayAsync("f10", "非常不满意");
        var digit = (await _bot.SayAsync("f11", "2")).AllText();

        Assert.StartsWith(DialogueTexts.FeedbackThanks, low.AllText());
        Assert.Equal(["投诉", "转人工"], low.LastButtons());
        Assert.DoesNotContain(DialogueTexts.FeedbackThanks, digit);
        Assert.DoesNotContain(await _bot.Store.ListRatingsAsync(CancellationToken.None), r => r.ConversationId is "f10" or "f11");
    }

    [Fact]
    public async Task AQuestionTheEntryCannotAnswerIsUnderstoodAfresh()
    {
        await AnsweredLostIdCardAsync("f5");

        var text = (await _bot.SayAsync("f5", "今天天气怎么样？")).AllText();

        Assert.DoesNotContain("依据：服务目录", text);
        Assert.Contains(DialogueTexts.OutOfScope, text);
    }

    [Fact]
    public async Task AskingWithoutAQuestionMarkIsStillAFollowUp()
    {
        await AnsweredLostIdCardAsync("f6");

        var text = (await _bot.SayAsync("f6", "要带啥材料")).AllText();

        Assert.StartsWith("居民身份证补领（遗失）需要准备：居民户口簿", text);
    }

    [Fact]
    public async Task ALevelSaidAfterADetourStillRatesTheServiceThatWaitsForIt()
    {
        await AnsweredLostIdCardAsync("f7");
        var detour = (await _bot.SayAsync("f7", "今天天气怎么样？")).AllText();

        var rated = (await _bot.SayAsync("f7", "满意")).AllText();

        Assert.Contains(DialogueTexts.OutOfScope, detour);
        Assert.StartsWith("感谢您的评价（满意），已记录。", rated);
        var rating = Assert.Single(await _bot.Store.ListRatingsAsync(CancellationToken.None), r => r.ConversationId == "f7");
        Assert.Equal(("id-card-reissue", 4), (rating.ServiceId, rating.Level));
        // Rated once: the same word again is only thanked for.
        Assert.StartsWith(DialogueTexts.FeedbackThanks, (await _bot.SayAsync("f7", "满意")).AllText());
    }

    [Fact]
    public async Task ALevelWithNothingToRateIsThankedForNotTakenForAComplaint()
    {
        var text = (await _bot.SayAsync("f8", "非常满意")).AllText();

        Assert.StartsWith(DialogueTexts.FeedbackThanks, text);
        Assert.DoesNotContain("投诉", text);
    }

    [Theory]
    [InlineData("要带照片吗", "要，所需材料里有：照片")]
    [InlineData("身份证原件要带么", "材料A需要准备")]
    [InlineData("需要户口本不", "要，所需材料里有：居民户口簿")]
    [InlineData("要带啥", "材料A需要准备")]
    [InlineData("在哪办", "办理地点：派出所。")]
    [InlineData("能异地办吗", "这项没有列入跨省通办")]
    [InlineData("为什么这么麻烦", null)]
    [InlineData("还需要带什么吗", "材料A需要准备")]     // 什么 is not an item
    [InlineData("要带出生证明吗", "所需材料里没有列出生证明")]     // 证明 alone does not match 居住证明
    public void EntryAnswersReadOnlyTheEntry(string question, string? expectedStart)
    {
        var guide = new ServiceGuide("x", "材料A", "", ["居民户口簿", "照片", "居住证明"], "现场", "派出所", "公安", false, null, null, null, null, false);

        var answer = EntryAnswers.Answer(question, guide);

        if (expectedStart is null)
        {
            Assert.Null(answer);
        }
        else
        {
            Assert.StartsWith(expectedStart, answer);
        }
    }

    [Theory]
    [InlineData("要带户口本吗？", "户口本", "居民户口簿")]
    [InlineData("护照照片要带照片吗", "照片", "照片")]
    [InlineData("要带介绍信吗", "介绍信", null)]     // named, but not on this list
    [InlineData("还需要带什么吗", null, null)]        // names nothing
    public void AQuestionNamesTheItemToBringAndTheListSaysWhetherItHoldsIt(string question, string? item, string? listed)
    {
        var guide = new ServiceGuide("x", "材料A", "", ["居民户口簿", "照片", "居住证明"], "现场", "派出所", "公安", false, null, null, null, null, false);

        Assert.Equal(item, EntryAnswers.NamedItem(question));
        Assert.Equal(listed, item is null ? null : EntryAnswers.ListedMaterial(item, guide));
    }
}
