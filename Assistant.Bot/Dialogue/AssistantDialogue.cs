using Assistant.Bot.Protocol;
using Assistant.Bot.Ratings;
using Assistant.Bot.Skills;
using Assistant.Search.Catalog;
using Assistant.Search.Understanding;

namespace Assistant.Bot.Dialogue;

/// <summary>
/// The guided dialogue: understands each turn, clarifies what is missing (which service, which province), answers with
/// the provincial page, then asks for a 好差评 rating. Commands (取消, 转人工, 投诉, 办件进度, 再说一遍, 长辈模式) work at any time.
/// </summary>
/// <param name="policy">The decision policy of the understanding step: its clarify margin also orders the menu.</param>
public sealed partial class AssistantDialogue(SkillClient skills, ServiceCatalog catalog, RatingService ratings,
    DecisionPolicy policy, IModelAssistant? model = null)
{
    private readonly IModelAssistant _model = model ?? NoModelAssistant.Instance;

    // The province buttons' codes, from the catalog's province table, in button order (a choice number picks one).
    private readonly List<string> _provinceButtonCodes =
        [.. DialogueTexts.ProvinceButtons.Select(name => catalog.Provinces.Single(p => p.ShortName == name).Code)];

    /// <summary>Runs one message turn, changing <paramref name="state"/> and returning what to say.</summary>
    public async Task<IReadOnlyList<BotReply>> RunAsync(TurnInput input, DialogueState state, CancellationToken cancellationToken)
    {
        state.Turns++;
        if (input.ElderMode is { } elder)
        {
            state.ElderMode = elder;
        }

        var replies = await RespondAsync(input, state, cancellationToken);
        if (replies.Count > 0 && !ReplyRecognizers.IsRepeat(input.Text))
        {
            state.LastReplies = [.. replies.Where(r => r.EventName is null).Select(r => new ReplyMemo(r.Text, r.Suggestions))];
        }

        return replies;
    }

    /// <summary>The welcome for a user who joined the conversation.</summary>
    public static IReadOnlyList<BotReply> Welcome(bool elderMode) =>
    [
        new(elderMode ? DialogueTexts.WelcomeElder : DialogueTexts.Welcome + DialogueTexts.Examples)
        {
            Suggestions = DialogueTexts.ExampleButtonsFor(elderMode), ExpectsInput = true,
        },
    ];

    private async Task<IReadOnlyList<BotReply>> RespondAsync(TurnInput input, DialogueState state, CancellationToken cancellationToken)
    {
        var text = input.Text;
        if (text.Length == 0 && input.LocationCode is null)
        {
            return [];
        }

        if (ReplyRecognizers.IsRestart(text))
        {
            Reset(state);
            return [new(DialogueTexts.Restarted) { Suggestions = DialogueTexts.ExampleButtonsFor(state.ElderMode), ExpectsInput = true }];
        }

        if (ReplyRecognizers.IsRepeat(text))
        {
            return state.LastReplies.Count == 0
                ? [new(DialogueTexts.NothingToRepeat) { ExpectsInput = true }]
                : [.. state.LastReplies.Select((m, i) => new BotReply(m.Text)
                {
                    Suggestions = m.Suggestions, ExpectsInput = i == state.LastReplies.Count - 1 && state.Stage != Stages.Idle,
                })];
        }

        if (ReplyRecognizers.IsHumanAgent(text))
        {
            return Handoff(input, state, "citizen asked for a person");
        }

        if (ReplyRecognizers.ElderModeSwitch(text) is { } elderSwitch)
        {
            state.ElderMode = elderSwitch;
            return [new(elderSwitch ? "已打开长辈模式。我会说得简短些，一次只问一件事。请说您要办什么事。" : "已关闭长辈模式。请说您要办什么事。")
            {
                ExpectsInput = true,
            }];
        }

        if (await LateRatingAsync(input, state, cancellationToken) is { } lateRating)
        {
            return lateRating;
        }

        return state.Stage switch
        {
            Stages.ChooseService => await ChooseServiceAsync(input, state, cancellationToken),
            Stages.AskPlace => await AnswerPlaceAsync(input, state, cancellationToken),
            Stages.Rating => await RateAsync(input, state, cancellationToken),
            Stages.ConfirmRating => await ConfirmRatingAsync(input, state, cancellationToken),
            Stages.RatingReason => await GiveReasonsAsync(input, state, cancellationToken),
            Stages.RatingReasonText => await StoreRatingAsync(input, state, [.. state.PendingReasons], text, cancellationToken),
            Stages.Complaint => Complaint(input, state),
            Stages.ConfirmComplaint => await ConfirmComplaintAsync(input, state, cancellationToken),
            Stages.ProgressNumber => await ProgressNumberAsync(input, state, cancellationToken),
            Stages.ProgressPlace => await ProgressPlaceAsync(input, state, cancellationToken),
            _ => await FollowUpOrNewRequestAsync(input, state, cancellationToken),
        };
    }

    private async Task<IReadOnlyList<BotReply>> FollowUpOrNewRequestAsync(TurnInput input, DialogueState state,
        CancellationToken cancellationToken)
    {
        if (await SameServiceElsewhereAsync(input, state, cancellationToken) is { } elsewhere)
        {
            return elsewhere;
        }

        var (followUp, understood) = await AnswerFollowUpAsync(input, state, cancellationToken);
        return followUp ?? await UnderstandAsync(input, state, cancellationToken, understood);
    }

    /// <summary>A new request: understand it and act on the decision.</summary>
    private async Task<IReadOnlyList<BotReply>> UnderstandAsync(TurnInput input, DialogueState state, CancellationToken cancellationToken,
        ServiceMatches? understood = null)
    {
        if (input.Text.Length == 0)
        {
            await RememberDevicePlaceAsync(input, state, cancellationToken);
            return [];
        }

        var matches = understood ?? await skills.FindServicesAsync(input.Text, cancellationToken);
        if (matches.Decision != ServiceMatches.Answer && input.Alternatives.Count > 0)
        {
            // Speech: the recogniser's other readings may be what was said (社保咔 / 社保卡); try them before asking again.
            foreach (var alternative in input.Alternatives.Where(a => a != input.Text))
            {
                var other = await skills.FindServicesAsync(alternative, cancellationToken);
                if (other.Decision == ServiceMatches.Answer)
                {
                    return await ActOnAsync(other, input, state, cancellationToken);
                }
            }

            // Nothing in any reading: more likely misheard than out of scope, unless provincial items match what was heard.
            if (matches.Decision == ServiceMatches.OutOfScope && ProvincialItemOffer.Choose(matches).Count == 0)
            {
                return [new(DialogueTexts.NotHeard) { ExpectsInput = true }];
            }
        }

        return await ActOnAsync(matches, input, state, cancellationToken);
    }

    private async Task<IReadOnlyList<BotReply>> ActOnAsync(ServiceMatches matches, TurnInput input, DialogueState state,
        CancellationToken cancellationToken)
    {
        // With a model configured, it may rephrase what the core could not place; it can only pick a service the catalog returned.
        if (matches.Decision != ServiceMatches.Answer && await _model.SearchAgainAsync(input.Text, matches, cancellationToken) is { } found)
        {
            matches = found;
        }

        Reset(state, keepPlace: true);
        state.AnsweredServiceId = null;    // a new request: a place said next is about it, not the one answered before
        switch (matches.Decision)
        {
            case ServiceMatches.Clarify:
                state.Stage = Stages.ChooseService;
                state.Choices = ClarifyChoices(matches);
                RememberPlace(state, matches.Province, matches.City);
                state.ToProvince = matches.ToProvince;
                return [OfferChoices(state)];
            case ServiceMatches.OutOfScope when ProvincialItemOffer.Choose(matches) is { Count: > 0 } items:
                // None of the core services, but search matched provincial items by their titles (烟草专卖零售许可,
                // 护士执业注册): those stay reachable, offered like a clarification with 都不是 as the way out.
                state.Stage = Stages.ChooseService;
                state.Choices = items;
                RememberPlace(state, matches.Province, matches.City);
                return [OfferChoices(state, DialogueTexts.OutOfScopeItems)];
            case ServiceMatches.OutOfScope when NearestService(matches) is { } nearest:
                // Offered like a clarification of one, with 都不是 as the way out, never answered unasked.
                state.Stage = Stages.ChooseService;
                state.Choices = [nearest];
                RememberPlace(state, matches.Province, matches.City);
                return [OfferChoices(state, DialogueTexts.OutOfScopeNearest)];
            case ServiceMatches.OutOfScope:
                return [new(DialogueTexts.OutOfScope + DialogueTexts.Examples + "也可以说“转人工”。")
                {
                    Suggestions = DialogueTexts.ExampleButtonsFor(state.ElderMode), ExpectsInput = true,
                }];
        }

        var label = matches.Label;
        switch (label)
        {
            case "greeting":
                return Welcome(state.ElderMode);
            case "thanks":
                return [new(DialogueTexts.Thanks + DialogueTexts.AnythingElse) { ExpectsInput = true }];
            case "goodbye":
                return [new(DialogueTexts.Goodbye)];
            case "human_agent":
                return Handoff(input, state, "citizen asked for a person");
            case "complaint":
                state.Stage = Stages.Complaint;
                return [new(DialogueTexts.ComplaintAsk) { ExpectsInput = true }];
            case "progress_query":
                state.Stage = Stages.ProgressNumber;
                // A number said with the question (受理编号7319055218846现在什么状态) is not asked for again.
                return ReplyRecognizers.ReceiptNumber(input.Text) is not null
                    ? await ProgressNumberAsync(input, state, cancellationToken)
                    : [new(DialogueTexts.ProgressAsk) { ExpectsInput = true }];
        }

        if (catalog.Find(label) is not { } service)
        {
            return [new(DialogueTexts.OutOfScope + DialogueTexts.Examples) { Suggestions = DialogueTexts.ExampleButtonsFor(state.ElderMode), ExpectsInput = true }];
        }

        return await AnswerWithPlacesAsync(service, (matches.Province, matches.City, matches.ToProvince), input, state, cancellationToken);
    }

    /// <summary>
    /// The core service closest to a text judged out of scope, when its share of the evidence reaches
    /// <see cref="NearestServiceMinimum"/>: a request told inside a long story is sometimes read as out of scope (我们两口子在东莞开早餐店，
    /// 孩子在老家，今年想接过来读一年级，要准备哪些东西: out of scope 0.58, school enrolment 0.38).
    /// </summary>
    private string? NearestService(ServiceMatches matches) => matches.Candidates
        .FirstOrDefault(c => c.IsService && c.Score >= NearestServiceMinimum && catalog.Find(c.Label) is { IsCore: true })?.Label;

    /// <summary>Share of the evidence a core service needs to be offered after an out-of-scope judgement: the decision
    /// policy's floor for answering (min_confidence 0.25), so only a service that could have been answered is offered.</summary>
    private const double NearestServiceMinimum = 0.25;

    /// <summary>Answers <paramref name="service"/> with the places read in the citizen's words: where they are, and
    /// for a transfer the province it goes to.</summary>
    private async Task<IReadOnlyList<BotReply>> AnswerWithPlacesAsync(ServiceEntry service,
        (string? Province, string? City, string? ToProvince) places, TurnInput input, DialogueState state, CancellationToken cancellationToken)
    {
        // Transfers are handled by one side (转入地 or 转出地): that province's page is the one to open.
        var province = service.IsTransfer ? places.ToProvince : places.Province;
        RememberPlace(state, places.Province, places.City);
        if (service.IsTransfer && places.ToProvince is null)
        {
            state.Province = null;
        }

        return await AnswerServiceAsync(service, province ?? state.Province, input, state, cancellationToken);
    }

    private static void Reset(DialogueState state, bool keepPlace = false)
    {
        state.Stage = Stages.Idle;
        state.ServiceId = null;
        state.Choices = [];
        state.ToProvince = null;
        state.PendingLevel = null;
        state.PendingReasons = [];
        state.PendingText = null;
        if (!keepPlace)
        {
            // 重新开始: a fresh start also drops the open rating question.
            state.Province = null;
            state.City = null;
            state.UnratedServiceId = null;
            state.AnsweredServiceId = null;
        }
    }

    private static void RememberPlace(DialogueState state, string? province, string? city)
    {
        if (province is not null)
        {
            state.Province = province;
            state.City = city;
        }
    }

    private IReadOnlyList<BotReply> Handoff(TurnInput input, DialogueState state, string reason)
    {
        var service = state.ServiceId is null ? null : catalog.Find(state.ServiceId);
        return
        [
            BotReply.Event("handoff.initiate", new { reason, fallbackPhone = "12345", service = service?.Id, province = state.Province, channel = input.ChannelId }),
            new(DialogueTexts.Handoff)
            {
                Card = input.Hotline ? null : new HeroCard("人工服务", null, "12345政务服务便民热线", [CardAction.Call("拨打12345", "12345")]),
            },
        ];
    }
}
