using System.Text.RegularExpressions;
using Assistant.Bot.Skills;

namespace Assistant.Bot.Dialogue;

/// <summary>
/// Answers a follow-up question about the service just found ("要带户口本吗？", "能在网上办吗", "在哪办") from that
/// service's catalog entry alone, for assistants without a language model. It answers only the aspects the entry holds
/// (materials, place, mode, 跨省通办) and says plainly what the catalog does not record (time limits, fees), so it
/// never invents a rule; any other question returns null and is understood as a new request.
/// </summary>
public static partial class EntryAnswers
{
    public static string? Answer(string question, ServiceGuide guide)
    {
        var parts = new List<string>();
        if (MaterialsAsked().IsMatch(question))
        {
            parts.Add(Materials(question, guide));
        }

        if (PlaceAsked().IsMatch(question))
        {
            parts.Add(guide.Where.Length > 0 ? $"办理地点：{guide.Where}。" : NotRecorded("办理地点"));
        }

        if (OnlineAsked().IsMatch(question))
        {
            parts.Add(guide.Mode switch
            {
                "全程网办" => "可以全程在网上办，不用跑现场。",
                "现场" => "这项要到现场办理。",
                "" => NotRecorded("办理方式"),
                _ => $"办理方式是{guide.Mode}：一般先在网上或App上预约、填报，再到现场办。",
            });
        }

        if (ElsewhereAsked().IsMatch(question))
        {
            parts.Add(guide.CrossProvince switch
            {
                true => "这项支持跨省通办，可以在异地申请。",
                false => "这项没有列入跨省通办，一般要在受理地办理。",
                null => NotRecorded("跨省通办信息"),
            });
        }

        if (TimeOrFeeAsked().IsMatch(question))
        {
            parts.Add("服务目录没有收录这项的办理时限和收费，请以办理入口页面或窗口的说明为准。");
        }

        return parts.Count == 0 ? null : string.Concat(parts);
    }

    private static string NotRecorded(string what) => $"服务目录没有收录这项的{what}，请以办事页面的说明为准。";

    /// <summary>All materials, or — when the question names one thing (要带户口本吗) — whether the list holds it.</summary>
    private static string Materials(string question, ServiceGuide guide)
    {
        // A provincial item's list gives no materials.
        if (guide.Materials.Count == 0)
        {
            return NotRecorded("所需材料");
        }

        var all = $"{guide.Name}需要准备：{string.Join("、", guide.Materials)}。";
        // 还需要带什么吗 asks for the list and names nothing.
        if (NamedItem(question) is not { } item)
        {
            return all;
        }

        var found = ListedMaterial(item, guide);
        return found is null ? $"所需材料里没有列{item}。{all}" : $"要，所需材料里有：{found}。";
    }

    /// <summary>The one thing a question asks whether to bring (户口本 in 要带户口本吗), or null.</summary>
    public static string? NamedItem(string question) =>
        NamedItemPattern().Match(question) is { Success: true } match
        && !s_notAnItem.Any(w => match.Groups["item"].Value.Contains(w, StringComparison.Ordinal))
            ? match.Groups["item"].Value
            : null;

    /// <summary>The material of the entry's list that <paramref name="item"/> names, or null.</summary>
    public static string? ListedMaterial(string item, ServiceGuide guide) => guide.Materials.FirstOrDefault(m => SharesAWord(item, m));

    /// <summary>
    /// Two Han characters in common is enough to say the item is meant (户口本 / 居民户口簿, 照片 / 免冠照片), except words
    /// every material list is full of (居住证明 is not 出生医学证明).
    /// </summary>
    private static bool SharesAWord(string item, string material)
    {
        for (var i = 0; i + 1 < item.Length; i++)
        {
            if (!s_genericWords.Contains(item.Substring(i, 2)) && material.Contains(item.AsSpan(i, 2), StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    private static readonly string[] s_notAnItem = ["什么", "啥", "哪", "些", "别的", "其他"];
    private static readonly HashSet<string> s_genericWords = ["证明", "证书", "材料", "本人", "身份", "原件", "复印"];

    [GeneratedRegex(@"带|材料|准备|证件|原件|复印件|照片|相片|户口本|户口簿|身份证|需要什么|要什么|拿什么|拿啥|要啥")]
    private static partial Regex MaterialsAsked();

    // "要带户口本吗" / "需要照片不" / "身份证原件要带么": the thing between the verb and the question particle.
    [GeneratedRegex(@"(?:带|需要|要|拿|交)(?:上|着)?(?<item>[\p{IsCJKUnifiedIdeographs}-[带需要拿交]]{2,6}?)(?:原件|复印件)?(?:吗|么|嘛|不|没)")]
    private static partial Regex NamedItemPattern();

    [GeneratedRegex(@"在哪|哪里|哪儿|去哪|什么地方|地址|哪个窗口|哪个部门|找谁")]
    private static partial Regex PlaceAsked();

    [GeneratedRegex(@"网上|线上|手机上|在家|不用跑|不去现场|App|APP|app|小程序")]
    private static partial Regex OnlineAsked();

    [GeneratedRegex(@"异地|外地|跨省|户籍地|老家")]
    private static partial Regex ElsewhereAsked();

    [GeneratedRegex(@"多久|几天|多长时间|工作日|多少钱|收费|费用|要钱|免费")]
    private static partial Regex TimeOrFeeAsked();
}
