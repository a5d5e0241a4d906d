using System.ComponentModel;
using Assistant.Bot.Ratings;
using Assistant.Search;
using Assistant.Search.Places;
using Assistant.Search.Understanding;
using Microsoft.SemanticKernel;

namespace Assistant.Bot.Skills;

/// <summary>
/// The assistant's skills as Semantic Kernel functions. The dialogue calls them through the <see cref="Kernel"/>, so the
/// same functions (and the same masking filter) serve the deterministic dialogue, an optional language model and an
/// operator's own agent.
/// </summary>
public sealed class AssistantSkills(QueryUnderstander understander, SearchResources resources, RatingService ratings)
{
    public const string PluginName = "assistant";

    [KernelFunction("find_services")]
    [Description("根据市民的话查找政务服务：返回排序后的候选、置信度和决策（answer/clarify/out_of_scope）以及省份。Find government services for what a citizen said: ranked candidates, confidence, decision and places.")]
    public ServiceMatches FindServices([Description("市民说的话 / the citizen's words")] string text) =>
        ServiceMatches.From(understander.Understand(text));

    [KernelFunction("resolve_place")]
    [Description("把地名（省、市、区县，如“浙江杭州”“深圳南山”）或行政区划代码（如 330106）解析为省和市的代码。Resolve a place name or a division code to province and city codes; null when no place is named.")]
    public PlaceResolution? ResolvePlace([Description("含地名的文字，或两位/六位行政区划代码 / text naming a place, or a 2- or 6-digit division code")] string text)
    {
        var isCode = text.Length is 2 or 6 && text.All(char.IsAsciiDigit);
        var canonical = isCode ? text : resources.Normalizer.Canonicalize(text);    // 廣東, full width: as find_services reads places
        var mentions = isCode ? [] : resources.Locations.Extract(canonical);
        var division = isCode ? resources.Gazetteer.ByCode.GetValueOrDefault(text.PadRight(6, '0')) : LocationExtractor.MostSpecific(mentions)?.Division;
        if (division is null)
        {
            return null;
        }

        var location = Location.From(division);
        var province = resources.Catalog.Province(location.ProvinceCode);
        var city = location.CityCode is { } code ? resources.Gazetteer.ByCode.GetValueOrDefault(code) : null;
        return new PlaceResolution(location.ProvinceCode, province?.Name ?? location.ProvinceCode, city?.Code, city?.Name,
            !isCode && SaysOnlyThePlace(canonical, mentions));
    }

    // What may stand around a place in a reply that only says where (那上海呢, 人在青岛, 在杭州办, 换成江苏的): particles and
    // a few function words, no content word and no question word, so 青岛天气怎么样 and 上海的房价 say more than a place.
    // Not 去, 想, 要: 我想去故宫 names a landmark as somewhere to visit. A typed code is never a reply of this kind
    // (12, 44 or 310000 at the rating prompt are no places).
    private const string PlaceReplyWords = "那我在是的呢吧啊呀哦嗯这边里到回办补换成改人现今";

    /// <summary>Whether the text is its places and at most five of the small words of a place reply.</summary>
    private static bool SaysOnlyThePlace(string text, IReadOnlyList<PlaceMention> mentions)
    {
        var rest = QueryAnalyzer.WithoutPlaces(text, mentions)
            .Where(c => !char.IsWhiteSpace(c) && !char.IsPunctuation(c) && !char.IsSymbol(c)).ToList();
        return rest.Count <= 5 && rest.All(c => PlaceReplyWords.Contains(c, StringComparison.Ordinal));
    }

    [KernelFunction("get_service_guide")]
    [Description("查询某项服务在某省的办事指南：名称、所需材料、办理方式和地点、是否跨省通办、办理页面。Get a service's guide for a province: name, materials, how and where, cross-province, page.")]
    public ServiceGuide GetServiceGuide(
        [Description("服务编号 / service id, e.g. id-card-reissue")] string serviceId,
        [Description("省级行政区划代码（两位）/ two-digit province code")] string? province = null,
        [Description("市级代码（六位）/ six-digit city code")] string? city = null)
    {
        var catalog = resources.Catalog;
        var service = catalog.Find(serviceId) ?? throw new ArgumentException($"目录中没有服务 {serviceId}", nameof(serviceId));
        var provinceCode = service.Province ?? province;
        var page = catalog.PageFor(service, provinceCode, city);
        return new ServiceGuide(service.Id, service.Name, service.Description, service.Materials, service.Mode, service.Where,
            service.Department, service.IsCore ? service.CrossProvince : null, service.TransferSide, provinceCode, catalog.Province(provinceCode)?.Name,
            page, NeedsPlace: page is null);
    }

    [KernelFunction("record_rating")]
    [Description("记录一次好差评（1非常不满意…5非常满意，一事一评）；差评自动生成回访工单。Record a 好差评 rating (1–5, once per conversation and service); a 差评 opens a follow-up case.")]
    public Task<RatingOutcome> RecordRatingAsync(
        [Description("会话编号 / conversation id")] string conversationId,
        [Description("服务编号 / service id")] string serviceId,
        [Description("评价等级 1–5 / level 1–5")] int level,
        [Description("渠道 / channel")] string channel,
        [Description("省份代码 / province code")] string? province = null,
        [Description("差评原因 / reasons for a 差评")] string[]? reasons = null,
        [Description("市民的补充说明 / the citizen's own words")] string? text = null,
        CancellationToken cancellationToken = default) =>
        ratings.RecordAsync(conversationId, serviceId, province, channel, level, reasons ?? [], text, cancellationToken);

    [KernelFunction("open_follow_up_case")]
    [Description("登记一件需要回访的工单（如投诉），返回编号和按工作日计算的办结期限。Open a follow-up case (e.g. a complaint): returns its number and due date in working days.")]
    public Task<CaseOutcome> OpenFollowUpCaseAsync(
        [Description("会话编号 / conversation id")] string conversationId,
        [Description("类别，如“投诉” / kind, e.g. 投诉")] string kind,
        [Description("内容摘要 / summary")] string summary,
        [Description("相关服务编号 / related service id")] string? serviceId = null,
        [Description("省份代码 / province code")] string? province = null,
        CancellationToken cancellationToken = default) =>
        ratings.OpenCaseAsync(conversationId, kind, summary, serviceId, province, cancellationToken);
}
