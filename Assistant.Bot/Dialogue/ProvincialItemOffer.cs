using System.Text.RegularExpressions;
using Assistant.Bot.Skills;

namespace Assistant.Bot.Dialogue;

/// <summary>
/// Which provincial long-tail items to offer for a text judged out of scope (none of the core services). The
/// understanding step lists the items search matched strongly by title (<see cref="ServiceMatches.Items"/>), but a
/// title can match an everyday question as well (你是医生吗 matches 乡村医生执业注销, 打一下张总的电话 matches 电话咨询). So an
/// item is offered only when
/// <list type="bullet">
/// <item>the citizen asks to do something (办理, 要办, 申请, 许可, 证, 登记, 备案, 注册, 手续…; not 怎么办 alone), not
/// about something;</item>
/// <item>it is a procedure, not an information page (查询, 指引, 咨询, 公布);</item>
/// <item>it is in the province the citizen named, if they named one (a Zhejiang citizen gets no Sichuan page).</item>
/// </list>
/// Items that change, renew or end a licence (变更, 延续, 注销, 补办…) come after the one that issues it unless the
/// citizen said so in their own words (丢了 → 补办, 到期 → 延续): 烟草专卖零售许可证怎么办 is asking for 新办, though seven
/// titles match it equally, and 烟草证丢了 for 补办.
/// </summary>
public static partial class ProvincialItemOffer
{
    public const int MaxItems = 3;

    public static List<string> Choose(ServiceMatches matches)
    {
        var text = matches.Normalized;
        if (!ProcedureAsked().IsMatch(text))
        {
            return [];
        }

        return [.. matches.Items
            .Where(item => !InformationOnly().IsMatch(item.Name) && (matches.Province is null || item.Province == matches.Province))
            .OrderBy(item => Rank(item.Name, text))
            .ThenByDescending(item => item.SearchScore)
            .Take(MaxItems)
            .Select(item => item.Id)];
    }

    /// <summary>0: the item does what the citizen said (丢了 → 补办); 1: it issues the licence; 2: it changes, renews or
    /// ends one, which was not said.</summary>
    private static int Rank(string title, string text) =>
        FollowOnAction().Match(title) is not { Success: true } action ? 1
            : s_saidAs.GetValueOrDefault(action.Value, [action.Value]).Any(word => text.Contains(word, StringComparison.Ordinal)) ? 0 : 2;

    private static readonly string[] s_lost = ["补", "丢", "掉了", "遗失", "找不到"];
    private static readonly string[] s_closing = ["不干了", "不做了", "关店", "关门"];

    /// <summary>How citizens say each follow-on action (they rarely use the item's own word: 丢了 for 补办).</summary>
    private static readonly Dictionary<string, string[]> s_saidAs = new(StringComparer.Ordinal)
    {
        ["补办"] = s_lost,
        ["补领"] = s_lost,
        ["补发"] = s_lost,
        ["遗失"] = s_lost,
        ["变更"] = ["变更", "改", "换地址", "搬"],
        ["延续"] = ["延续", "续", "到期", "延期"],
        ["换发"] = ["换发", "换证", "换新"],
        ["注销"] = ["注销", .. s_closing],
        ["终止"] = ["终止", .. s_closing],
        ["撤销"] = ["撤销", "不干了", "不做了"],
        ["歇业"] = ["歇业", "暂停", "关门"],
        ["停业"] = ["停业", "暂停", "关门"],
        ["恢复"] = ["恢复", "重新开"],
        ["再注册"] = ["再注册", "重新注册"],
    };

    // Not 怎么办 or 照 alone (医生照顾不好病人怎么办 asks to do nothing).
    [GeneratedRegex("办理|要办|想办|去办|能办|哪办|哪里办|申请|许可|证|登记|备案|审批|注册|手续|核发|报名|资质|资格|执业|年检|开通")]
    private static partial Regex ProcedureAsked();

    [GeneratedRegex("查询|指引|咨询|公布|公示|解答")]
    private static partial Regex InformationOnly();

    [GeneratedRegex("变更|延续|注销|补办|补领|补发|换发|歇业|停业|恢复|终止|撤销|遗失|再注册")]
    private static partial Regex FollowOnAction();
}
