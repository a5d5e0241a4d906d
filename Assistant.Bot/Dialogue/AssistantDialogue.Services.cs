using System.Globalization;
using System.Text;
using Assistant.Bot.Protocol;
using Assistant.Bot.Skills;
using Assistant.Search.Catalog;
using Assistant.Search.Understanding;

namespace Assistant.Bot.Dialogue;

/// <summary>Choosing among candidates, asking where, and the answer with the provincial page.</summary>
public sealed partial class AssistantDialogue
{
    [System.Text.RegularExpressions.GeneratedRegex("[^省市区县]*[省市区县]?$")]
    private static partial System.Text.RegularExpressions.Regex LastAreaUnit();

    /// <summary>
    /// The services to offer, in the order a caller can trust: the best first when it leads the second by the clarify
    /// margin (asked because it is unsure, not because two tie: 转移 gives 医保 0.56, 养老 0.38), and what
    /// the scores cannot rank in catalog order, so a near-tie that flips with each retraining does not reorder the
    /// menu.
    /// </summary>
    private List<string> ClarifyChoices(ServiceMatches matches)
    {
        var services = matches.Candidates.Where(c => c.IsService).Take(4).ToList();
        var leads = services.Count > 1 && services[0].Score - services[1].Score >= policy.ClarifyMargin ? 1 : 0;
        return [.. services.Take(leads).Concat(services.Skip(leads).OrderBy(c => catalog.Position(c.Label))).Select(c => c.Label)];
    }

    /// <summary>How a choice is named on its button and matched when said: a provincial item with its area, since
    /// the same title exists in many places. The area's last unit only (广安区 of 四川省广安市广安区): a button shows
    /// one line on a phone, and the answer names the whole area.</summary>
    private string ChoiceName(string id) => catalog.Find(id) switch
    {
        { Item: { } item } entry => $"{entry.Name}（{LastAreaUnit().Match(item.AreaName).Value}）",
        { } entry => entry.Name,
        null => id,
    };

    private static bool IsSaid(string name, string text) =>
        ReplyRecognizers.Clean(text) == ReplyRecognizers.Clean(name) || text.Contains(name, StringComparison.Ordinal);

    private BotReply OfferChoices(DialogueState state, string prompt = DialogueTexts.Clarify)
    {
        var names = state.Choices.Select(ChoiceName).ToList();
        var spoken = prompt + string.Concat(names.Select((n, i) => $"{i + 1}，{n}；")) + "都不是，请说都不是。";
        var buttons = names.Select((n, i) => CardAction.ImBack($"{i + 1}. {n}", n)).Append(CardAction.ImBack("都不是")).ToList();
        return new BotReply(prompt)
        {
            Card = new HeroCard("请选择要办理的服务", null, null, buttons), Spoken = spoken, ExpectsInput = true,
        };
    }

    private async Task<IReadOnlyList<BotReply>> ChooseServiceAsync(TurnInput input, DialogueState state, CancellationToken cancellationToken)
    {
        if (ReplyRecognizers.IsNoneOfThese(input.Text) || ReplyRecognizers.IsNo(input.Text))
        {
            // Provincial items are offered only when no core service fits: then the way out is a person, not a rephrase.
            var itemsOffered = state.Choices.Any(id => catalog.Find(id) is { IsCore: false });
            Reset(state, keepPlace: true);
            return [new(itemsOffered ? DialogueTexts.NoneOfTheseItems : DialogueTexts.NoneOfThese) { ExpectsInput = true }];
        }

        // The reply is understood once: for the places said with the choice (2，转到浙江), for a word that tells the
        // offered choices apart (身份证 after 婚姻登记证补领 / 居民身份证补领), and as a new request when it is neither.
        var understood = input.Text.Length > 0 ? await skills.FindServicesAsync(input.Text, cancellationToken) : null;
        // The recogniser's other readings of speech may be the number or name said.
        var chosen = input.Alternatives.Prepend(input.Text).Select(text => SaidChoice(text, state.Choices)).FirstOrDefault(c => c is not null)
            ?? (understood is null ? null : OneOfferedChoice(understood, state.Choices));
        if (chosen is null || catalog.Find(chosen) is not { } service)
        {
            // Not one of the offered choices: the citizen said something new.
            return await UnderstandAsync(input, state, cancellationToken, understood);
        }

        // Places said with the choice win over those of the request that was clarified (kept in the state). The reply's
        // transfer side is read for its own best label: when that is no transfer, a chosen transfer asks where it goes.
        var places = understood is { } reply && (reply.Province ?? reply.ToProvince) is not null
            ? (reply.Province, reply.City, reply.ToProvince)
            : (state.Province, state.City, state.ToProvince);
        Reset(state, keepPlace: true);
        return await AnswerWithPlacesAsync(service, places, input, state, cancellationToken);
    }

    /// <summary>The offered choice a reply names by its number or its name, or null.</summary>
    private string? SaidChoice(string text, List<string> choices) =>
        ReplyRecognizers.LeadingChoiceNumber(text) is { } n && n >= 1 && n <= choices.Count
            ? choices[n - 1]
            : choices.FirstOrDefault(id => IsSaid(ChoiceName(id), text) || catalog.Find(id) is { } entry && IsSaid(entry.Name, text));

    /// <summary>The one offered choice among the services the reply alone is answered with or offered, or null.</summary>
    private static string? OneOfferedChoice(ServiceMatches reply, IReadOnlyList<string> offered)
    {
        IEnumerable<Candidate> shown = reply.Decision switch
        {
            ServiceMatches.Clarify => reply.Candidates,
            _ when reply.IsServiceAnswer => reply.Candidates.Take(1),
            _ => [],
        };
        var met = shown.Where(c => c.IsService && offered.Contains(c.Label)).Select(c => c.Label).Distinct().ToList();
        return met.Count == 1 ? met[0] : null;
    }

    private async Task<IReadOnlyList<BotReply>> AnswerPlaceAsync(TurnInput input, DialogueState state, CancellationToken cancellationToken)
    {
        var service = state.ServiceId is null ? null : catalog.Find(state.ServiceId);
        if (service is null)
        {
            return await UnderstandAsync(input, state, cancellationToken);
        }

        var place = await PlaceFromAsync(input, state, cancellationToken);
        if (place is null)
        {
            // A whole new request, or a turn of the conversation (先这样吧 拜拜, 谢谢, 我要投诉), rather than a place: follow
            // the citizen. A greeting or anything out of scope is no answer to "where": ask again.
            var matches = await skills.FindServicesAsync(input.Text, cancellationToken);
            if (matches.Decision == ServiceMatches.Clarify || matches.Decision == ServiceMatches.Answer && matches.Label != "greeting")
            {
                return await ActOnAsync(matches, input, state, cancellationToken);
            }

            return [AskPlace(service, state, DialogueTexts.PlaceNotUnderstood)];
        }

        state.Province = place.ProvinceCode;
        state.City = place.CityCode;
        return await AnswerServiceAsync(service, place.ProvinceCode, input, state, cancellationToken);
    }

    /// <summary>
    /// After an answer, rated or not, a text that says only a place (那上海呢, 山东青岛, 我在杭州) asks for the same service
    /// there: the understanding step alone would call a bare place out of scope. Not for a provincial item, which belongs
    /// to its own province; not for a transfer, where a bare place could be either end; not for a service handled where
    /// the citizen is insured, where a place said next is more likely where they go than where they are insured.
    /// </summary>
    private async Task<IReadOnlyList<BotReply>?> SameServiceElsewhereAsync(TurnInput input, DialogueState state,
        CancellationToken cancellationToken)
    {
        if ((state.ServiceId ?? state.AnsweredServiceId) is not { } serviceId
            || catalog.Find(serviceId) is not { IsCore: true, TransferSide: null, HandledWhereInsured: false } service
            || input.Text.Length == 0 || await skills.ResolvePlaceAsync(input.Text, cancellationToken) is not { SaysOnlyThePlace: true } place)
        {
            return null;
        }

        state.Province = place.ProvinceCode;
        state.City = place.CityCode;
        return await AnswerServiceAsync(service, place.ProvinceCode, input, state, cancellationToken);
    }

    /// <summary>A place from a province button number, the words, or the device location the channel sent.</summary>
    private async Task<PlaceResolution?> PlaceFromAsync(TurnInput input, DialogueState state, CancellationToken cancellationToken)
    {
        if (ReplyRecognizers.ChoiceNumber(input.Text) is { } n && n >= 1 && n <= state.Choices.Count)
        {
            var code = state.Choices[n - 1];
            return new PlaceResolution(code, catalog.Province(code)?.Name ?? code, null, null);
        }

        if (input.Text.Length > 0 && await skills.ResolvePlaceAsync(input.Text, cancellationToken) is { } said)
        {
            return said;
        }

        return input.LocationCode is { } location ? await skills.ResolvePlaceAsync(location, cancellationToken) : null;
    }

    private async Task RememberDevicePlaceAsync(TurnInput input, DialogueState state, CancellationToken cancellationToken)
    {
        if (input.LocationCode is { } code && await skills.ResolvePlaceAsync(code, cancellationToken) is { } place)
        {
            state.Province = place.ProvinceCode;
            state.City = place.CityCode;
        }
    }

    private BotReply AskPlace(ServiceEntry service, DialogueState state, string? prefix = null)
    {
        state.Stage = Stages.AskPlace;
        state.ServiceId = service.Id;
        state.Choices = [.. _provinceButtonCodes];
        var question = service.TransferSide switch
        {
            "转入地" => "请问要转入哪个省或城市？",
            "转出地" => "请问要从哪个省或城市转出？",
            _ => "请问您在哪个省或城市办理？",
        };
        var text = prefix ?? (state.ElderMode
            ? $"好的，办{service.Name}。{question}"
            : $"好的，为您查找“{service.Name}”。各地的办理入口不同，{question}");
        return new BotReply(prefix is null ? text : prefix + question)
        {
            Suggestions = DialogueTexts.ProvinceButtons, ExpectsInput = true,
        };
    }

    private async Task<IReadOnlyList<BotReply>> AnswerServiceAsync(ServiceEntry service, string? province, TurnInput input,
        DialogueState state, CancellationToken cancellationToken)
    {
        var guide = await skills.GetServiceGuideAsync(service.Id, province, state.Province == province ? state.City : null,
            cancellationToken);
        if (guide.NeedsPlace)
        {
            return [AskPlace(service, state)];
        }

        state.ServiceId = service.Id;
        state.AnsweredServiceId = service.Id;
        state.Province = guide.ProvinceCode ?? state.Province;
        var replies = new List<BotReply> { Answer(guide, state.ElderMode, input.Hotline) };
        replies.AddRange(await AskRatingAsync(input, state, cancellationToken));
        return replies;
    }

    private static BotReply Answer(ServiceGuide guide, bool elder, bool hotline)
    {
        var page = guide.Page!;
        var where = guide.ProvinceName is null ? "" : $"（{guide.ProvinceName}）";
        var text = new StringBuilder();
        var materials = elder || hotline ? guide.Materials.Take(3) : guide.Materials;
        text.Append(CultureInfo.InvariantCulture, $"为您找到：{guide.Name}{where}\n");
        if (guide.TransferSide is not null && guide.ProvinceName is not null)
        {
            text.Append(CultureInfo.InvariantCulture, $"这项转移由{guide.TransferSide}受理，所以请在{guide.ProvinceName}申请。\n");
        }

        if (guide.Materials.Count > 0)
        {
            text.Append(CultureInfo.InvariantCulture, $"需要准备：{string.Join("、", materials)}\n");
        }

        // A provincial item's list gives neither how nor where nor 跨省通办: say only what the catalog knows.
        var how = new[] { guide.Mode.Length > 0 ? "办理方式：" + guide.Mode : null, guide.Where.Length > 0 ? "办理地点：" + guide.Where : null };
        if (how.Any(part => part is not null))
        {
            text.Append(string.Join("；", how.OfType<string>())).Append('\n');
        }

        if (!elder && guide.CrossProvince is { } crossProvince)
        {
            text.Append(crossProvince ? "支持跨省通办，可以在异地申请。\n" : "暂不支持跨省通办，请在当地办理。\n");
        }

        text.Append(PageSentence(guide, page, hotline));
        var card = hotline ? null : new HeroCard(guide.Name, CardSubtitle(guide, page), page.Note, PageButtons(guide, page));
        return new BotReply(text.ToString().TrimEnd()) { Card = card };
    }

    private static string PageSentence(ServiceGuide guide, ServicePage page, bool hotline) => page.Kind switch
    {
        ServicePage.ItemKind when hotline => $"可以在{page.App ?? "当地政务服务App"}上搜索“{guide.Name}”办理。",
        ServicePage.ItemKind => $"办事页面：{page.Url}\n（{page.Note}）",
        ServicePage.NationalKind => $"全国统一办理：{page.App}。",
        _ when hotline => $"可以在{page.App ?? guide.ProvinceName + "政务服务网"}上搜索“{guide.Name}”办理。",
        _ => $"办理入口：{page.App}{(page.Url is null ? "" : "，" + page.Url)}\n（{page.Note}）",
    };

    private static string CardSubtitle(ServiceGuide guide, ServicePage page) =>
        string.Join(" · ", new[] { guide.ProvinceName, page.App, guide.CrossProvince == true ? "跨省通办" : null }.Where(s => s is not null));

    private static List<CardAction> PageButtons(ServiceGuide guide, ServicePage page)
    {
        var buttons = new List<CardAction>();
        if (page.Url is { Length: > 0 } url)
        {
            buttons.Add(CardAction.OpenUrl(page.Kind == ServicePage.ItemKind ? "打开办事页面" : $"打开{guide.ProvinceName}政务服务网", url));
        }

        return buttons;
    }
}
