using System.Globalization;
using Assistant.Search.Intents;
using Assistant.Search.Text;

namespace Assistant.Bot.Dialogue;

/// <summary>
/// Recognizes the short answers of a Chinese dialogue that a general intent model handles badly: yes/no, choice numbers
/// and ordinals, rating levels and the commands that work at any time. Bot Framework's own recognizers do not understand
/// 不用了 or 第二个 (botbuilder-dotnet #2396), so these are ours.
/// </summary>
public static class ReplyRecognizers
{
    private static readonly string[] s_yes = ["是的", "是", "对的", "对", "好的", "好", "嗯", "嗯嗯", "可以", "行", "没错", "确认", "确定", "提交", "要", "ok", "yes"];
    private static readonly string[] s_no = ["不是", "不对", "不用了", "不用", "不要", "算了", "不了", "没有了", "没有", "没了", "否", "取消提交", "不", "no"];
    private static readonly string[] s_restart = ["取消", "重新开始", "重来", "从头开始", "重新来", "退出"];
    private static readonly string[] s_repeat = ["再说一遍", "再说一次", "重复一遍", "没听清", "没听清楚", "再讲一遍", "你说什么"];
    private static readonly string[] s_human = ["转人工", "人工", "人工服务", "人工客服", "找人工", "真人"];
    private static readonly string[] s_elderOn = ["长辈模式", "打开长辈模式", "老年模式", "字大一点", "大字"];
    private static readonly string[] s_elderOff = ["关闭长辈模式", "退出长辈模式", "标准模式"];
    private static readonly string[] s_noneOfThese = ["都不是", "都不对", "没有我要的", "以上都不是"];

    /// <summary>The five 好差评 levels in the order they are offered (neutral: no preselection, best first as the national standard lists them).</summary>
    public static readonly IReadOnlyList<(string Name, int Level)> RatingLevels =
        [("非常满意", 5), ("满意", 4), ("基本满意", 3), ("不满意", 2), ("非常不满意", 1)];

    // Longest names first so 非常不满意 is not read as 不满意 or 满意.
    private static readonly (string Name, int Level)[] s_levelsLongestFirst = [.. RatingLevels.OrderByDescending(l => l.Name.Length)];

    public static bool IsYes(string text) => Matches(Clean(text), s_yes);

    public static bool IsNo(string text) => Matches(Clean(text), s_no);

    public static bool IsRestart(string text) => Matches(Clean(text), s_restart);

    public static bool IsRepeat(string text) => Matches(Clean(text), s_repeat);

    public static bool IsHumanAgent(string text) => Matches(Clean(text), s_human);

    public static bool IsNoneOfThese(string text) => Matches(Clean(text), s_noneOfThese);

    /// <summary>True to switch 长辈模式 on, false to switch it off, null when the text is not about it.</summary>
    public static bool? ElderModeSwitch(string text)
    {
        var clean = Clean(text);
        return Matches(clean, s_elderOff) ? false : Matches(clean, s_elderOn) ? true : null;
    }

    /// <summary>The level of a text that is nothing but a level in words (满意, 很满意, 非常不满意: at most five characters
    /// once cleaned), or null. Digits and stars (2, 五星) count only when a rating was asked for.</summary>
    public static int? BareRatingLevel(string text)
    {
        var clean = Clean(text);
        return clean.Length <= 5 && clean.Contains("满意", StringComparison.Ordinal) ? RatingLevel(text) : null;
    }

    /// <summary>A level 1–5 from a tap or words ("满意", "非常不满意", "5分", "五星"), or null.</summary>
    public static int? RatingLevel(string text)
    {
        var clean = Clean(text);
        if (clean.Contains("不太满意", StringComparison.Ordinal) || clean.Contains("不怎么满意", StringComparison.Ordinal))
        {
            return 2;
        }

        foreach (var (name, level) in s_levelsLongestFirst)
        {
            if (clean == name || clean.Contains(name, StringComparison.Ordinal) && !clean.Contains("不" + name, StringComparison.Ordinal)
                && !(name.Length < 4 && clean.Contains("非常" + name, StringComparison.Ordinal)))
            {
                return level;
            }
        }

        var number = clean.Replace("分", "", StringComparison.Ordinal).Replace("星", "", StringComparison.Ordinal);
        return Number(number) is >= 1 and <= 5 and var n ? n : null;
    }

    /// <summary>A 1-based choice: "2", "第二个", "二", "第2项", "选3" → the number; null otherwise.</summary>
    public static int? ChoiceNumber(string text)
    {
        var clean = Clean(text);
        foreach (var prefix in (string[])["第", "选", "选第"])
        {
            if (clean.StartsWith(prefix, StringComparison.Ordinal))
            {
                clean = clean[prefix.Length..];
            }
        }

        foreach (var suffix in (string[])["个", "项", "条", "种", "号"])
        {
            if (clean.EndsWith(suffix, StringComparison.Ordinal))
            {
                clean = clean[..^suffix.Length];
            }
        }

        return Number(clean);
    }

    private static readonly System.Buffers.SearchValues<char> s_clauseBreaks = System.Buffers.SearchValues.Create("，,。、；;：: ");

    /// <summary>A choice number, alone or said first before more words (2，转到浙江 → 2); null otherwise.</summary>
    public static int? LeadingChoiceNumber(string text)
    {
        var trimmed = text.Trim();
        var end = trimmed.AsSpan().IndexOfAny(s_clauseBreaks);
        return ChoiceNumber(trimmed) ?? (end > 0 ? ChoiceNumber(trimmed[..end]) : null);
    }

    /// <summary>A receipt or case number said in the text: a run of ASCII letters, digits and hyphens holding as many digits
    /// as the classifier takes for a number (SB20240001234, 受理编号7319055218846现在什么状态); null otherwise.</summary>
    public static string? ReceiptNumber(string text)
    {
        for (var start = 0; start < text.Length; start++)
        {
            var (end, digits) = (start, 0);
            while (end < text.Length && (char.IsAsciiLetterOrDigit(text[end]) || text[end] == '-'))
            {
                digits += char.IsAsciiDigit(text[end++]) ? 1 : 0;
            }

            if (digits >= IntentClassifier.NumberMinimumDigits)
            {
                return text[start..end];
            }

            start = end;
        }

        return null;
    }

    private static int? Number(string text) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value
            : text.Length is > 0 and <= 3 && ChineseNumerals.Parse(text) is { } parsed and <= int.MaxValue ? (int)parsed : null;

    private static bool Matches(string clean, string[] words) => words.Contains(clean, StringComparer.OrdinalIgnoreCase);

    /// <summary>Lower-case, no spaces or punctuation, no polite tails: "好的，谢谢！" → "好的".</summary>
    public static string Clean(string text)
    {
        var chars = text.Trim().ToLowerInvariant().Where(c => !char.IsWhiteSpace(c) && !char.IsPunctuation(c) && !char.IsSymbol(c))
            .ToArray();
        var clean = new string(chars);
        foreach (var tail in (string[])["谢谢你", "谢谢", "吧", "啊", "呀", "哦", "呢", "了吧"])
        {
            if (clean.Length > tail.Length && clean.EndsWith(tail, StringComparison.Ordinal))
            {
                clean = clean[..^tail.Length];
            }
        }

        return clean;
    }
}
