using Assistant.Search.Places;

namespace Assistant.Search.Understanding;

/// <summary>
/// What the words right around one place mention say about it, within its clause: done there (能在上海补), where the
/// citizen is now (人在北京, 已经回合肥了, 在深圳上班), moved to (转到湖南, 迁往拉萨), moved from or paid in (从广东,
/// 福建交的, 离开北京), the hometown (老家河南), or only the past or a registration (之前在苏州, 户口在大连).
/// </summary>
/// <param name="Wished">Asked for in so many words (能在广州处理吗, 想在上海补): beats a place merely done in.</param>
/// <param name="Insured">Where the citizen is insured or paid in (冰城的医保, 医保是河南的, 在海口交的).</param>
public sealed record PlaceReading(PlaceMention Mention, bool DoneHere, bool Here, bool MovedTo, bool From, bool Hometown, bool Away,
    bool Wished = false, bool Insured = false)
{
    private const string ClauseBreaks = "，,。.；;！!？? \u3000";

    // Read right before the place, nearest first; "老家" may stand between the cue and the place (回到老家江西九江).
    private static readonly string[] s_hereBefore =
        ["人在", "人还在", "还在", "已经在", "现在在", "目前在", "如今在", "住在", "已经住", "定居在", "已经到", "到了", "来到",
         "来了", "回到", "回了", "已经回", "去了", "跑到", "搬到", "搬来", "调到", "就在", "我在", "住", "住的"];
    private static readonly string[] s_presentBefore = ["在", "到", "回", "来", "去"];
    private static readonly string[] s_presentAfter = ["上班", "工作", "打工", "住", "租房", "生活", "定居", "读书", "上学", "这边", "这里", "了"];
    // 来三亚跟闺女住了: 来 before a place says the citizen lives there now only when the clause goes on to living there
    // (周末来上海玩, 下午来上海开会 are visits).
    private static readonly string[] s_settledAfter = ["住", "生活", "定居", "上班", "工作", "打工", "落户", "养老"];
    private static readonly string[] s_pastBefore = ["离开", "从", "由"];
    private static readonly string[] s_intentions = ["准备", "打算", "想", "要", "计划", "将", "过几天", "下个月", "明年"];
    private static readonly string[] s_plans = ["准备", "打算", "计划", "过几天", "下个月", "下周", "明年", "马上要"];
    private static readonly string[] s_pastMarkers = ["之前", "以前", "原来", "曾经", "当年", "那时", "那会"];
    private static readonly string[] s_hometownBefore = ["老家", "老家在", "老家是"];
    private static readonly string[] s_doneBefore = ["在", "回", "到", "去"];
    private static readonly string[] s_doneAfter =
        ["补", "办", "开", "领", "申请", "换", "登记", "注册", "报名", "考", "交", "续", "报销", "处理", "提取", "备案", "认证", "挂失", "缴"];
    // 在武汉能办吗: a modal may stand between the place and the verb.
    private static readonly string[] s_modals = ["能不能", "可不可以", "可以", "也能", "就能", "能"];
    private static readonly string[] s_doneWishBefore = ["能在", "可以在", "要在", "想在", "能不能在", "可不可以在"];
    private static readonly string[] s_movedToBefore =
        ["转到", "转回", "转入", "转进", "转去", "迁到", "迁回", "迁往", "迁入", "迁进", "迁去", "合到", "并到", "落户到", "落户", "调往", "调去", "转至", "迁至", "到", "回", "去"];
    private static readonly string[] s_paidAfter = ["交的", "交过", "缴的", "交了", "缴了"];
    // Moved from or paid in: a payment, 那边, an account named after the place, or a move away.
    private static readonly string[] s_fromAfter = [.. s_paidAfter, "那边", "的社保", "的公积金", "的医保", "的养老", "转出", "迁出", "参保"];
    // Where the citizen is insured: named with the insurance (冰城的医保, 黑龙江医保, 医保是河南的, 在海口参保), or paid in
    // when the insurance is said beside it (在海口交的社保; not 在上海交的住院费, 北京交的房租). 医保在海南 followed by
    // 住院, 看病 or 报销 is where it is used, not where it is held.
    private static readonly string[] s_insuredAfter = ["的社保", "的医保", "的养老保险", "的养老金", "的职工医保", "的居民医保", "医保", "社保", "参保"];
    private static readonly string[] s_insuranceWords = ["社保", "医保", "保险", "养老", "参保"];
    private static readonly string[] s_insuredBefore = ["医保是", "社保是", "医保在", "社保在", "参保在", "医保是在", "社保是在", "参保地是"];
    private static readonly string[] s_usedAfter = ["住院", "看病", "就医", "报销", "报", "刷", "能用", "用"];
    private static readonly string[] s_hukouBefore = ["户口在", "户籍在", "户口还在", "户口是", "户口挂在", "户口还挂在", "户籍还在"];
    private static readonly string[] s_registeredBefore = ["老家在", "老家是", "老家"];

    public string Province => Mention.Division.ProvinceCode;

    public static PlaceReading Read(string text, PlaceMention mention)
    {
        var before = Before(text, mention.Start);
        var rawAfter = After(text, mention.End);
        var hometownAfter = rawAfter.StartsWith("老家", StringComparison.Ordinal);
        var after = hometownAfter ? rawAfter[2..] : rawAfter;    // 回河南老家了: read the cue after 老家
        var cueBefore = before.EndsWith("老家", StringComparison.Ordinal) ? before[..^2] : before;

        var verb = after.TrimStart('这', '那', '边', '里');
        verb = s_modals.FirstOrDefault(m => verb.StartsWith(m, StringComparison.Ordinal)) is { } modal ? verb[modal.Length..] : verb;
        // 驾照是在长沙考的 / 在天津办的: done there once, in the past — not where it is to be done now.
        var doneBefore = s_doneBefore.Any(c => cueBefore.EndsWith(c, StringComparison.Ordinal));
        var doneVerb = s_doneAfter.FirstOrDefault(v => verb.StartsWith(v, StringComparison.Ordinal));
        var doneOnce = doneBefore && doneVerb is not null && verb.AsSpan(doneVerb.Length).StartsWith("的", StringComparison.Ordinal)
            && !verb.AsSpan(doneVerb.Length).StartsWith("的话", StringComparison.Ordinal);    // 在杭州办的话: a condition
        var past = doneOnce || s_pastBefore.Any(c => cueBefore.EndsWith(c, StringComparison.Ordinal))
            || s_pastMarkers.Any(m => before.Contains(m, StringComparison.Ordinal)) || after.Contains("的时候", StringComparison.Ordinal);
        var from = past || s_fromAfter.Any(v => after.StartsWith(v, StringComparison.Ordinal));
        var wished = !from && s_doneWishBefore.Any(c => before.EndsWith(c, StringComparison.Ordinal));
        var done = wished || (!from && doneBefore && doneVerb is not null);
        // 想回 / 准备去 right before the place, or a plan anywhere before it in the clause (下个月要调去西安).
        var intended = s_intentions.Any(m => cueBefore.TrimEnd('回', '去', '到', '来').EndsWith(m, StringComparison.Ordinal))
            || s_plans.Any(m => before.Contains(m, StringComparison.Ordinal));
        // 户口还在安徽 is where the registration is, not where the citizen is (还在 alone would read as here); 老家 is
        // not such a cue here, since 回到老家江西 is where the citizen now is.
        var hukou = s_hukouBefore.Any(c => before.EndsWith(c, StringComparison.Ordinal));
        // 我是河南的 / 我是河南人: where the citizen comes from, like 老家河南 (not 我是杭州人民医院的).
        var native = before.EndsWith("我是", StringComparison.Ordinal) && (after is "的" or "人");
        var registered = hukou || native || s_registeredBefore.Any(c => before.EndsWith(c, StringComparison.Ordinal));
        var cameToLive = cueBefore.EndsWith('来') && s_settledAfter.Any(w => after.Contains(w, StringComparison.Ordinal));
        var here = done || (!from && !intended && !hukou && (cameToLive || s_hereBefore.Any(c => cueBefore.EndsWith(c, StringComparison.Ordinal))
            || (s_presentBefore.Any(c => cueBefore.EndsWith(c, StringComparison.Ordinal)) && s_presentAfter.Any(v => after.StartsWith(v, StringComparison.Ordinal))
                && !after.StartsWith("住院", StringComparison.Ordinal))));
        var movedTo = s_movedToBefore.Any(c => cueBefore.EndsWith(c, StringComparison.Ordinal));
        var hometown = native || s_hometownBefore.Any(c => before.EndsWith(c, StringComparison.Ordinal)) || hometownAfter;
        var insured = s_insuredAfter.Any(v => after.StartsWith(v, StringComparison.Ordinal))
            || (s_paidAfter.Any(v => after.StartsWith(v, StringComparison.Ordinal))
                && s_insuranceWords.Any(w => (before + after).Contains(w, StringComparison.Ordinal)))
            || (s_insuredBefore.Any(c => before.EndsWith(c, StringComparison.Ordinal))
                && !s_usedAfter.Any(v => after.StartsWith(v, StringComparison.Ordinal)));
        return new PlaceReading(mention, done, here, movedTo, from, hometown, Away: !here && (from || registered), wished, insured);
    }

    /// <summary>Up to six characters before <paramref name="position"/>, not reaching back past the clause start.</summary>
    private static string Before(string text, int position)
    {
        var start = position;
        while (start > 0 && position - start < 6 && !ClauseBreaks.Contains(text[start - 1]))
        {
            start--;
        }

        return text[start..position];
    }

    /// <summary>Up to six characters after <paramref name="position"/>, within its clause.</summary>
    private static string After(string text, int position)
    {
        var end = position;
        while (end < text.Length && end - position < 6 && !ClauseBreaks.Contains(text[end]))
        {
            end++;
        }

        return text[position..end];
    }
}
