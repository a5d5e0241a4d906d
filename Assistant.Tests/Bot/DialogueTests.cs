using System.Globalization;
using System.Text.Json;
using Assistant.Bot.Dialogue;
using Assistant.Bot.Protocol;
using Assistant.Bot.Ratings;
using Assistant.Bot.Storage;

namespace Assistant.Tests.Bot;

/// <summary>The dialogue as a citizen meets it, through the real understanding step, kernel skills and storage.</summary>
[Collection(AssistantGroup.Name)]
public sealed class DialogueTests(AssistantFixture fixture) : IDisposable
{
    private readonly BotHarness _bot = new(fixture, TestDatabases.Sqlite);

    public void Dispose() => _bot.Dispose();

    [Theory]
    [MemberData(nameof(TestDatabases.Kinds), MemberType = typeof(TestDatabases))]
    public async Task LostIdCardAsksWhereThenAnswersWithTheProvincialPageThenAsksForARating(string kind)
    {
        using var bot = new BotHarness(fixture, kind);

        var first = await bot.SayAsync("c1", "我身份证丢了");
        Assert.Contains("居民身份证", first.AllText());
        Assert.Contains("哪个省或城市", first.AllText());
        Assert.Contains("广东", first.LastButtons());

        var answer = await bot.SayAsync("c1", "浙江杭州");
        var text = answer.AllText();
        Assert.Contains("为您找到：居民身份证", text);
        Assert.Contains("需要准备：", text);
        Assert.Contains("浙江", text);
        Assert.Contains("浙里办", text);
        var link = Assert.Single(answer.CardButtons(), b => b.GetProperty("type").GetString() == "openUrl");
        Assert.Equal(fixture.Resources.Catalog.Province("33")!.PortalUrl, link.GetProperty("value").GetString());
        // The five levels in neutral order, none preselected, as the last message waiting for input.
        Assert.Equal(["非常满意", "满意", "基本满意", "不满意", "非常不满意"], answer.LastButtons());
        Assert.Equal(InputHints.Expecting, answer.Messages().Last().InputHint);
        Assert.Empty(await bot.Store.ListRatingsAsync(CancellationToken.None));

        var thanks = await bot.SayAsync("c1", "满意");
        Assert.Contains("感谢您的评价（满意）", thanks.AllText());
        var rating = Assert.Single(await bot.Store.ListRatingsAsync(CancellationToken.None));
        Assert.Equal(("c1", "id-card-reissue", "33", 4, "test"), (rating.ConversationId, rating.ServiceId, rating.Province, rating.Level, rating.Channel));
    }

    [Fact]
    public async Task EveryMessageCarriesSpeakAndAnInputHint()
    {
        var replies = await _bot.SayAsync("speak", "我想在广州办社保卡");

        Assert.All(replies.Messages(), r =>
        {
            Assert.StartsWith("<speak version=\"1.0\"", r.Speak, StringComparison.Ordinal);
            Assert.DoesNotContain("gov.cn", r.Speak, StringComparison.Ordinal);
            Assert.NotNull(r.InputHint);
        });
        Assert.All(replies.Messages().SkipLast(1), r => Assert.Equal(InputHints.Ignoring, r.InputHint));
    }

    [Fact]
    public async Task OutOfScopeOffersTheNearestServiceAsAChoiceAndChoosingItAnswersWithThePlaceOfTheStory()
    {
        // A request told inside a long story, read as out of scope with school enrolment close behind.
        var offer = await _bot.SayAsync("nearest", "我们两口子在东莞开早餐店，孩子在老家，今年想接过来读一年级，要准备哪些东西");

        Assert.Equal(DialogueTexts.OutOfScopeNearest, offer.AllText());
        Assert.Equal(["义务教育阶段入学报名", "都不是"], offer.ChoiceValues());
        var chosen = await _bot.SayAsync("nearest", "1");
        Assert.Contains("为您找到：义务教育阶段入学报名（广东省）", chosen.AllText());     // 东莞, told in the story, is kept
    }

    [Fact]
    public async Task NoneOfTheNearestServiceLeavesTheOfferForARephrase()
    {
        await _bot.SayAsync("nearest-none", "我们两口子在东莞开早餐店，孩子在老家，今年想接过来读一年级，要准备哪些东西");

        var reply = await _bot.SayAsync("nearest-none", "都不是");

        Assert.Equal(DialogueTexts.NoneOfThese, reply.AllText());
    }

    [Fact]
    public async Task OutOfScopeWithNoServiceNearKeepsTheExamples()
    {
        var reply = await _bot.SayAsync("far", "帮我推荐一部好看的电影");

        Assert.Equal(DialogueTexts.OutOfScope + DialogueTexts.Examples + "也可以说“转人工”。", reply.AllText());
        Assert.Equal(DialogueTexts.ExampleButtons, reply.LastButtons());
    }

    [Fact]
    public async Task AProvinceCanBeChosenByItsButtonNumber()
    {
        await _bot.SayAsync("number", "我想办社保卡");

        var answer = await _bot.SayAsync("number", "3");

        Assert.Contains("为您找到：社会保障卡", answer.AllText());
        Assert.Contains("广东", answer.AllText());
    }

    [Fact]
    public async Task DeviceLocationInChannelDataAnswersWhere()
    {
        await _bot.SayAsync("geo", "我想办社保卡");

        var answer = await _bot.SayAsync("geo", "", new { location = new { adcode = "510106" } });

        Assert.Contains("四川", answer.AllText());
        Assert.Contains("天府通办", answer.AllText());
    }

    [Fact]
    public async Task TransfersGoToTheHandlingProvinceAndSayWhy()
    {
        var answer = await _bot.SayAsync("transfer", "我在深圳上班，老家河南，养老保险想转回去");

        var text = answer.AllText();
        Assert.Contains("养老保险关系转移", text);
        Assert.Contains("由转入地受理", text);
        Assert.Contains("河南", text);
        Assert.DoesNotContain("广东", text);
    }

    [Fact]
    public async Task UnclearRequestsOfferTheCandidatesAndNoneOfThese()
    {
        var replies = await _bot.SayAsync("clarify", "转移");
        var choices = replies.ChoiceValues();
        if (!replies.AllText().Contains("哪一项", StringComparison.Ordinal))
        {
            Assert.Fail("expected a clarification for 转移, got: " + replies.AllText());
        }

        Assert.InRange(choices.Count, 3, 5);
        Assert.Equal("都不是", choices[^1]);
        // What the scores cannot rank comes in catalog order (all of it, or all after a clear leader), so the menu does
        // not reorder itself with each retrained model.
        var catalog = fixture.Resources.Catalog;
        var positions = choices[1..^1].Select(name => catalog.Position(catalog.Services.Single(s => s.IsCore && s.Name == name).Id)).ToList();
        Assert.Equal(positions.Order(), positions);

        var answer = await _bot.SayAsync("clarify", "2");
        Assert.Contains(choices[1], answer.AllText());
        Assert.DoesNotContain(choices[0], answer.AllText());
    }

    /// <summary>Says <paramref name="text"/> and returns the choices offered (the services, then 都不是), failing unless
    /// it is a clarification that offers <paramref name="expected"/>: what the tests below start from.</summary>
    private async Task<List<string>> OfferedAsync(string conversation, string text, string expected, string channelId = "test")
    {
        var offer = await _bot.SayAsync(conversation, text, channelId: channelId);
        var choices = offer.ChoiceValues();
        Assert.True(choices.Contains(expected) && choices.Count >= 3, $"expected {text} to offer {expected} among others, got: {offer.AllText()}");
        return choices;
    }

    [Fact]
    public async Task AWordThatTellsTheOfferedChoicesApartPicksOne()
    {
        await OfferedAsync("narrow", "补办", "居民身份证补领（遗失）");

        // 身份证 alone would offer first application, renewal and reissue; of those only the reissue was offered here.
        var replies = await _bot.SayAsync("narrow", "身份证");

        Assert.Contains("居民身份证补领", replies.AllText());
        Assert.DoesNotContain("哪一项", replies.AllText());
    }

    [Fact]
    public async Task AChoiceSaidWithItsPlacesGoesToTheHandlingProvince()
    {
        await OfferedAsync("narrow-transfer", "转移", "基本医疗保险关系转移接续");

        var replies = await _bot.SayAsync("narrow-transfer", "医保从广东转到浙江");

        // The transfer is handled where it goes (转入地): 浙江, not 广东 where the citizen is.
        Assert.Contains("基本医疗保险关系转移接续（浙江省）", replies.AllText());
        Assert.DoesNotContain("广东省", replies.AllText());
    }

    [Fact]
    public async Task ASpeechReadingOfTheChoiceNumberIsTaken()
    {
        var choices = await OfferedAsync("nbest-choice", "转移", "基本医疗保险关系转移接续", channelId: "speech");

        // The recogniser's best reading is noise; its second reading is the number.
        var speech = new { speech = new { alternatives = new[] { new { text = "饿的" }, new { text = "第二个" } } } };
        var replies = await _bot.SayAsync("nbest-choice", "饿的", speech, "speech");

        Assert.Contains(choices[1], replies.AllText());
        Assert.DoesNotContain("哪一项", replies.AllText());
    }

    [Theory]
    [InlineData("转移，从广东转到浙江", "{0}")]         // the destination was said with the request that was clarified
    [InlineData("转移", "{0}，转到浙江")]               // or with the number
    public async Task ATransferChosenByNumberGoesWhereItIsHandled(string request, string reply)
    {
        var conversation = "number-transfer-" + reply.Length;
        var choices = await OfferedAsync(conversation, request, "基本医疗保险关系转移接续");
        var number = choices.IndexOf("基本医疗保险关系转移接续") + 1;

        var replies = await _bot.SayAsync(conversation, string.Format(CultureInfo.InvariantCulture, reply, number));

        Assert.Contains("基本医疗保险关系转移接续（浙江省）", replies.AllText());
        Assert.DoesNotContain("广东省", replies.AllText());
    }

    [Fact]
    public async Task AMatterOnlyAProvinceListsIsOfferedAsItsItemsThenAnsweredWithTheItemsPage()
    {
        // 渔业捕捞许可 is none of the core services, but Sichuan Guang'an's item list has it.
        var offer = await _bot.SayAsync("item", "渔业捕捞许可证怎么办");
        Assert.Contains("不在我能帮您办理的常见服务里", offer.AllText());
        var choices = offer.ChoiceValues();
        // The item that issues the licence first, named with its area; changing it second; no information page.
        Assert.Equal(["渔业捕捞许可审批（广安区）", "渔业捕捞许可证变更（广安区）", "都不是"], choices);

        var answer = await _bot.SayAsync("item", "1");
        Assert.Contains("为您找到：渔业捕捞", answer.AllText());
        Assert.Contains("请您对本次服务进行评价", answer.AllText());
        // The item list says neither how nor where nor whether it is 跨省通办: nothing is made up or left blank.
        Assert.DoesNotContain("办理方式：；", answer.AllText());
        Assert.DoesNotContain("跨省通办", answer.AllText());

        var elsewhere = await _bot.SayAsync("item", "可以在外地办吗");
        Assert.Contains("服务目录没有收录这项的跨省通办信息", elsewhere.AllText());
        var where = await _bot.SayAsync("item", "在哪办");
        Assert.Contains("服务目录没有收录这项的办理地点", where.AllText());
        var materials = await _bot.SayAsync("item", "需要准备什么材料");
        Assert.Contains("服务目录没有收录这项的所需材料", materials.AllText());
    }

    [Fact]
    public async Task NoneOfTheOfferedItemsPointsToAPerson()
    {
        await _bot.SayAsync("item-none", "渔业捕捞许可证怎么办");

        var reply = await _bot.SayAsync("item-none", "都不是");

        Assert.Contains("转人工", reply.AllText());
        Assert.Contains("12345", reply.AllText());
        // After core services are offered (转移), 都不是 asks to rephrase, as before.
        await _bot.SayAsync("core-none", "转移");
        Assert.DoesNotContain("转人工", (await _bot.SayAsync("core-none", "都不是")).AllText());
    }

    [Theory]
    [InlineData("你是医生吗")]                  // a title matches (乡村医生执业注销), but nothing is asked to be done
    [InlineData("打一下公司张总的电话")]          // 电话咨询 is an information page, and nothing is asked to be done
    [InlineData("我在杭州，渔业捕捞许可证怎么办")]  // the only such item is Sichuan's: no page of another province
    [InlineData("乡村医生照顾不好病人怎么办")]      // 怎么办 and 照 alone ask to do nothing
    public async Task NoProvincialItemIsOfferedWhenItWouldNotHelp(string text)
    {
        var replies = await _bot.SayAsync("no-item-" + text.Length, text);

        Assert.Contains("不在我能帮您办理的政务服务范围内", replies.AllText());
        Assert.Empty(replies.CardButtons());
    }

    [Fact]
    public async Task OutOfScopeSaysWhatWeCanDoWithExamples()
    {
        var replies = await _bot.SayAsync("oos", "帮我推荐一部好看的电影");

        Assert.Contains("不在我能帮您办理的政务服务范围内", replies.AllText());
        Assert.Contains("我想办社保卡", replies.LastButtons());
    }

    [Fact]
    public async Task ANegativeRatingAsksWhyAndOpensACaseDueInFifteenWorkingDays()
    {
        await _bot.SayAsync("bad", "我想在杭州补办身份证");
        var why = await _bot.SayAsync("bad", "非常不满意");
        Assert.Equal(RatingService.NegativeReasons, why.LastButtons());
        Assert.Empty(await _bot.Store.ListRatingsAsync(CancellationToken.None));

        var done = await _bot.SayAsync("bad", "其他");
        Assert.Contains("具体情况", done.AllText());
        var closing = await _bot.SayAsync("bad", "网上预约一直约不上，我电话13812345678");

        var rating = Assert.Single(await _bot.Store.ListRatingsAsync(CancellationToken.None));
        Assert.Equal((1, "其他"), (rating.Level, rating.Reasons.Single()));
        Assert.Equal("网上预约一直约不上，我电话138****5678", rating.Text);
        var followUp = Assert.Single(await _bot.Store.ListCasesAsync(CancellationToken.None));
        Assert.Equal(rating.Id, followUp.RatingId);
        Assert.Contains(followUp.Id, closing.AllText());
        var today = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8));
        Assert.Equal(new WorkingCalendar([], []).AddWorkingDays(today, 15), followUp.DueDate);
    }

    [Fact]
    public async Task APlaceSaidAtTheRatingPromptAsksForTheSameServiceThere()
    {
        await _bot.SayAsync("elsewhere", "我想在杭州补办身份证");

        var shandong = await _bot.SayAsync("elsewhere", "那山东青岛呢");

        Assert.Contains("为您找到：居民身份证补领", shandong.AllText());
        Assert.Contains("山东", shandong.AllText());
        Assert.Equal(["非常满意", "满意", "基本满意", "不满意", "非常不满意"], shandong.LastButtons());     // still to be rated
        await _bot.SayAsync("elsewhere", "满意");
        var rating = Assert.Single(await _bot.Store.ListRatingsAsync(CancellationToken.None));
        Assert.Equal(("id-card-reissue", "37"), (rating.ServiceId, rating.Province));

        await _bot.SayAsync("elsewhere", "我想在杭州补办身份证");     // rated already: answered, nothing to rate
        var shanghai = await _bot.SayAsync("elsewhere", "上海");

        Assert.Contains("为您找到：居民身份证补领", shanghai.AllText());
        Assert.Contains("上海", shanghai.AllText());
        Assert.DoesNotContain("非常满意", shanghai.LastButtons());
        Assert.Single(await _bot.Store.ListRatingsAsync(CancellationToken.None));
    }

    [Fact]
    public async Task APlaceAfterTheRatingAsksForTheServiceJustAnsweredButNotOnceAnotherRequestCame()
    {
        await _bot.SayAsync("rated", "我想在杭州补办身份证");
        await _bot.SayAsync("rated", "满意");

        var shanghai = await _bot.SayAsync("rated", "那上海呢");
        Assert.Contains("为您找到：居民身份证补领", shanghai.AllText());
        Assert.Contains("上海", shanghai.AllText());

        await _bot.SayAsync("rated", "今天天气怎么样");
        var beijing = await _bot.SayAsync("rated", "北京");
        Assert.DoesNotContain("为您找到", beijing.AllText());
        Assert.Single(await _bot.Store.ListRatingsAsync(CancellationToken.None));
    }

    [Fact]
    public async Task APlaceAfterAServiceHandledWhereInsuredIsNotTakenAsThatService()
    {
        var answer = await _bot.SayAsync("insured", "我在杭州参保，看病的发票怎么报销");
        Assert.Contains("为您找到：医疗费用手工报销", answer.AllText());

        var hainan = await _bot.SayAsync("insured", "那海南呢");

        Assert.DoesNotContain("为您找到：医疗费用手工报销（海南", hainan.AllText());
    }

    [Fact]
    public async Task APlaceWithAQuestionAfterAnAnswerIsANewRequest()
    {
        await _bot.SayAsync("weather", "我想在杭州补办身份证");

        var weather = await _bot.SayAsync("weather", "青岛天气怎么样");

        Assert.DoesNotContain("为您找到", weather.AllText());
        Assert.Contains(DialogueTexts.OutOfScope, weather.AllText());
    }

    [Fact]
    public async Task OneRatingPerServiceInAConversation()
    {
        await _bot.SayAsync("twice", "我想在杭州补办身份证");
        await _bot.SayAsync("twice", "满意");

        var again = await _bot.SayAsync("twice", "我想在杭州补办身份证");

        Assert.DoesNotContain("非常满意", again.LastButtons());
        Assert.Contains("还有其他需要办的吗", again.AllText());
        Assert.Single(await _bot.Store.ListRatingsAsync(CancellationToken.None));
    }

    [Fact]
    public async Task ACallersNumberAsConversationIdIsStoredMaskedAndStillRatedOnce()
    {
        const string caller = "hotline-13812345678";
        await _bot.SayAsync(caller, "我想在杭州补办身份证", channelId: "hotline");
        await _bot.SayAsync(caller, "满意", channelId: "hotline");
        await _bot.SayAsync(caller, "对", channelId: "hotline");

        // The same conversation reaching us on another channel has fresh dialogue state: only the database remembers.
        var again = await _bot.SayAsync(caller, "我想在杭州补办身份证", channelId: "speech");

        var rating = Assert.Single(await _bot.Store.ListRatingsAsync(CancellationToken.None), r => r.ConversationId.StartsWith("hotline-", StringComparison.Ordinal));
        Assert.Equal("hotline-138****5678", rating.ConversationId);
        Assert.DoesNotContain("非常满意", again.LastButtons());
    }

    [Fact]
    public async Task MovingOnWithoutRatingStoresNothing()
    {
        await _bot.SayAsync("skip", "我想在杭州补办身份证");

        var next = await _bot.SayAsync("skip", "公积金怎么提取");

        Assert.Contains("公积金", next.AllText());
        Assert.Empty(await _bot.Store.ListRatingsAsync(CancellationToken.None));
    }

    [Fact]
    public async Task HotlineReadsTheLevelsAndConfirmsBeforeStoring()
    {
        var answer = await _bot.SayAsync("phone", "我想在杭州补办身份证", channelId: "hotline");
        Assert.Contains("非常满意、满意、基本满意、不满意、非常不满意", answer.Messages().Last().Speak);
        Assert.All(answer.Messages(), r => Assert.Null(r.Attachments));

        var confirm = await _bot.SayAsync("phone", "满意", channelId: "hotline");
        Assert.Contains("您的评价是“满意”，对吗", confirm.AllText());
        Assert.Empty(await _bot.Store.ListRatingsAsync(CancellationToken.None));

        await _bot.SayAsync("phone", "对", channelId: "hotline");
        Assert.Equal(4, Assert.Single(await _bot.Store.ListRatingsAsync(CancellationToken.None)).Level);
    }

    [Fact]
    public async Task ComplaintsAreConfirmedMaskedAndRegistered()
    {
        await _bot.SayAsync("complaint", "我要投诉");
        var confirm = await _bot.SayAsync("complaint", "窗口人员态度很差，身份证110101199003074512");
        Assert.Contains("110101********4512", confirm.AllText());
        Assert.DoesNotContain("110101199003074512", confirm.AllText());

        var done = await _bot.SayAsync("complaint", "是的");

        var followUp = Assert.Single(await _bot.Store.ListCasesAsync(CancellationToken.None));
        Assert.Equal(FollowUpCase.ComplaintKind, followUp.Kind);
        Assert.DoesNotContain("199003074512", followUp.Summary);
        Assert.Contains(followUp.Id, done.AllText());
    }

    [Fact]
    public async Task ProgressQueriesPointToTheProvincesQueryPage()
    {
        await _bot.SayAsync("progress", "我想查一下办件进度");
        await _bot.SayAsync("progress", "SB20240001234");

        var answer = await _bot.SayAsync("progress", "江苏");

        Assert.Contains("SB20240001234", answer.AllText());
        Assert.Contains("江苏", answer.AllText());
        Assert.Single(answer.CardButtons(), b => b.GetProperty("type").GetString() == "openUrl");
    }

    [Fact]
    public async Task AGoodbyeWhileAskedWhereIsAGoodbye()
    {
        var asked = await _bot.SayAsync("bye-at-place", "我身份证丢了");
        var bye = await _bot.SayAsync("bye-at-place", "先这样吧，拜拜");

        Assert.Contains(Assistant.Bot.Dialogue.DialogueTexts.ProvinceButtons[0], asked.LastButtons());
        Assert.Contains(Assistant.Bot.Dialogue.DialogueTexts.Goodbye, bye.AllText());
    }

    [Fact]
    public async Task AProgressQuestionWithItsNumberIsNotAskedForTheNumberAgain()
    {
        var asked = await _bot.SayAsync("progress2", "受理编号7319055218846现在什么状态");
        var answer = await _bot.SayAsync("progress2", "江苏");

        Assert.DoesNotContain(Assistant.Bot.Dialogue.DialogueTexts.ProgressAsk, asked.AllText());
        Assert.Contains("7319055218846", answer.AllText());
        Assert.Contains("江苏", answer.AllText());
    }

    [Fact]
    public async Task HumanAgentSendsAHandoffEventAnd12345()
    {
        var replies = await _bot.SayAsync("human", "转人工");

        var handoff = Assert.Single(replies, r => r.Type == ActivityTypes.Event);
        Assert.Equal("handoff.initiate", handoff.Name);
        Assert.Contains("12345", replies.AllText());
        Assert.Contains(replies.CardButtons(), b => b.GetProperty("type").GetString() == "call");
    }

    [Fact]
    public async Task RepeatSaysTheLastRepliesAgainAndRestartForgets()
    {
        var asked = await _bot.SayAsync("again", "我想办社保卡");

        var repeated = await _bot.SayAsync("again", "再说一遍");
        Assert.Equal(asked.AllText(), repeated.AllText());

        var restarted = await _bot.SayAsync("again", "重新开始");
        Assert.Contains("已重新开始", restarted.AllText());
        var fresh = await _bot.SayAsync("again", "广东");
        Assert.DoesNotContain("社会保障卡", fresh.AllText());
    }

    [Fact]
    public async Task ElderModeFromChannelDataSpeaksSlowerAndShorter()
    {
        var normal = await _bot.SayAsync("normal", "我想在杭州补办身份证");
        var elder = await _bot.SayAsync("elder", "我想在杭州补办身份证", new { elderMode = true });

        Assert.Contains("prosody rate=\"-25%\"", elder.Messages().First().Speak);
        Assert.DoesNotContain("prosody", normal.Messages().First().Speak);
        Assert.True(elder.AllText().Length < normal.AllText().Length);
        Assert.Single(elder.Messages(), m => m.InputHint == InputHints.Expecting);
    }

    [Fact]
    public async Task WelcomeOnlyWhenAUserJoins()
    {
        var userJoined = new Activity
        {
            Type = ActivityTypes.ConversationUpdate, ChannelId = "test", Conversation = new("welcome"),
            From = new("user-1"), Recipient = new("assistant"), MembersAdded = [new("assistant"), new("user-1")],
        };
        var botJoined = userJoined with { Conversation = new("bot-only"), MembersAdded = [new("assistant")] };

        var welcome = await _bot.Processor.ProcessAsync(userJoined, CancellationToken.None);
        var nothing = await _bot.Processor.ProcessAsync(botJoined, CancellationToken.None);

        Assert.Contains("政务服务智能导办助手", welcome.Replies.AllText());
        Assert.Contains("我想办社保卡", welcome.Replies.LastButtons());
        Assert.Empty(nothing.Replies);
    }

    [Fact]
    public async Task TranscriptsKeepWhatWasSaidMasked()
    {
        await _bot.SayAsync("transcript", "我电话13812345678，身份证丢了");

        var entries = await _bot.Store.ReadTranscriptAsync("transcript", CancellationToken.None);

        Assert.Equal(TranscriptEntry.Incoming, entries[0].Direction);
        Assert.Contains("138****5678", entries[0].ActivityJson);
        Assert.DoesNotContain("13812345678", string.Concat(entries.Select(e => e.ActivityJson)));
        Assert.Contains(entries, e => e.Direction == TranscriptEntry.Outgoing);
    }

    [Fact]
    public async Task TranscriptMaskingLeavesNumbersAndTheJsonIntact()
    {
        // A speech channel's confidence with many digits is a number, not a card: masking must not touch it or break the JSON.
        await _bot.SayAsync("transcript-json", "我电话１３８ １２３４ ５６７８，身份证丢了", new { confidence = 0.1381234567890123 });

        var incoming = (await _bot.Store.ReadTranscriptAsync("transcript-json", CancellationToken.None))[0].ActivityJson;

        var json = JsonDocument.Parse(incoming).RootElement;
        Assert.Equal(0.1381234567890123, json.GetProperty("channelData").GetProperty("confidence").GetDouble());
        Assert.Contains("138****5678", json.GetProperty("text").GetString());
    }

    [Fact]
    public async Task MessagesArrivingTogetherAreHandledInOrder()
    {
        string[] texts = ["我想办社保卡", "广东", "满意", "我想在杭州补办身份证", "非常满意"];
        var activities = texts.Select(t => _bot.Message("burst", t)).ToList();

        // All five start at once, as a channel may deliver them; each must see the state the previous one left.
        var results = await Task.WhenAll(activities.Select(a => _bot.Processor.ProcessAsync(a, CancellationToken.None)));

        var incoming = (await _bot.Store.ReadTranscriptAsync("burst", CancellationToken.None))
            .Where(e => e.Direction == TranscriptEntry.Incoming)
            .Select(e => JsonSerializer.Deserialize<Activity>(e.ActivityJson, ActivityJson.Options)!.Text);
        Assert.Equal(texts, incoming);
        Assert.Equal(2, (await _bot.Store.ListRatingsAsync(CancellationToken.None)).Count(r => r.ConversationId == "burst"));
        Assert.All(results, r => Assert.NotEmpty(r.Replies));
    }

    [Fact]
    public async Task SpeechAlternativesAreTriedBeforeAskingAgain()
    {
        var speech = new { speech = new { engine = "azure", alternatives = new[] { new { text = "今天天气不错" }, new { text = "我想在杭州补办身份证" } } } };

        var answer = await _bot.SayAsync("nbest", "今天天气不错", speech, "speech");
        var notHeard = await _bot.SayAsync("nbest-none", "今天天气不错", new { speech = new { alternatives = new[] { new { text = "天气不错" } } } }, "speech");

        Assert.Contains("为您找到：居民身份证", answer.AllText());
        Assert.Contains("没听清", notHeard.AllText());
    }

    [Fact]
    public async Task SpokenMattersOnlyAProvinceListsAreOfferedNotAskedAgain()
    {
        var speech = new { speech = new { alternatives = new[] { new { text = "渔业捕捞许可证怎么半" } } } };

        var offer = await _bot.SayAsync("nbest-item", "渔业捕捞许可证怎么办", speech, "speech");

        Assert.Contains("渔业捕捞许可审批（广安区）", offer.ChoiceValues());
    }

    [Fact]
    public async Task UnknownInvokeIs501()
    {
        var invoke = _bot.Message("invoke", "") with { Type = ActivityTypes.Invoke, Name = "unknown/thing" };

        var result = await _bot.Processor.ProcessAsync(invoke, CancellationToken.None);

        Assert.Equal(501, result.InvokeStatus);
    }
}
