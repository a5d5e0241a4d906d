using System.Text;

namespace Assistant.Bot.Skills;

/// <summary>What the language model is told. Chinese, because the model answers citizens in Chinese.</summary>
public static class ModelPrompts
{
    /// <summary>The model's last word when nothing in the catalog fits.</summary>
    public const string NoService = "none";

    public const string SearchAgain =
        "你是政务服务导办助手的检索助理。市民的话可能口语化、有错别字或方言，刚才的检索没能确定要办的事。" +
        "请把市民的话改写成规范的政务服务说法，调用 find_services 查找，可以换说法再查，最多查三次；需要时可调用 resolve_place 和 get_service_guide。" +
        "最后只回答一个服务编号，即 find_services 结果 Candidates 中 IsService 为 true 的 Label，不要回答别的内容。" +
        "如果市民要办的不是政务服务，或者查不到合适的服务，只回答 " + NoService + "。不要编造服务编号或网址。";

    /// <summary>The model's whole answer when the question is not about the entry's service.</summary>
    public const string Unrelated = "unrelated";

    public const string AnswerFromEntry =
        "你是政务服务导办助手。只根据下面这项服务的目录条目回答市民的问题，用一两句简短的中文。" +
        "如果问题与这项服务无关，只回答 " + Unrelated + "。" +
        "条目里没有写的，就说目录里没有写明，请以办理窗口或12345热线的答复为准。" +
        "不要给出条目以外的网址、电话或其他服务，不要要求市民提供身份证号、手机号等个人信息。";

    /// <summary>What an entry field says when the catalog has nothing for it (a provincial item's list gives only the title and page).</summary>
    private const string NotRecorded = "（目录未收录）";

    /// <summary>The catalog entry the follow-up answer must stay within.</summary>
    public static string Entry(ServiceGuide guide)
    {
        var text = new StringBuilder("目录条目\n");
        text.Append("服务编号：").AppendLine(guide.Id);
        text.Append("名称：").AppendLine(guide.Name);
        text.Append("说明：").AppendLine(guide.Description);
        text.Append("所需材料：").AppendLine(guide.Materials.Count == 0 ? NotRecorded : string.Join("；", guide.Materials));
        text.Append("办理方式：").AppendLine(guide.Mode.Length > 0 ? guide.Mode : NotRecorded);
        text.Append("办理地点：").AppendLine(guide.Where.Length > 0 ? guide.Where : NotRecorded);
        text.Append("受理部门：").AppendLine(guide.Department);
        text.Append("跨省通办：").AppendLine(guide.CrossProvince switch { true => "支持", false => "不支持", null => NotRecorded });
        if (guide.TransferSide is not null)
        {
            text.Append("受理方：").AppendLine(guide.TransferSide);
        }

        if (guide.ProvinceName is not null)
        {
            text.Append("办理地区：").AppendLine(guide.ProvinceName);
        }

        if (guide.Page is { } page)
        {
            text.Append("办理入口：").AppendLine(string.Join(" ", new[] { page.App, page.Url }.Where(s => s is not null)));
        }

        return text.ToString();
    }
}
