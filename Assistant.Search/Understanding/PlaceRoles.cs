using Assistant.Search.Places;

namespace Assistant.Search.Understanding;

/// <summary>
/// Decides which named place is where the citizen is (province) and, for transfers, which province must handle it:
/// "我在深圳上班，老家河南，养老保险想转回去" → from 44, to 41; the catalog's 转入地/转出地 rule picks the handling side.
/// </summary>
public static class PlaceRoles
{
    private static readonly string[] s_destinationBefore = ["转到", "转回", "迁到", "迁往", "迁入", "转入", "调到", "搬到", "回到", "老家", "回", "到", "去", "往", "至"];
    private static readonly string[] s_sourceBefore = ["从", "在", "由"];
    private static readonly string[] s_sourceAfter = ["上班", "工作", "打工", "交", "缴", "参保", "转出", "迁出", "干了", "待了"];

    public static (string? Province, string? ToProvince) Resolve(string text, IReadOnlyList<PlaceMention> mentions,
        string? transferSide)
    {
        var places = Distinct(mentions);
        if (places.Count == 0)
        {
            return (null, null);
        }

        if (transferSide is null)
        {
            return (places[0].Division.ProvinceCode, null);
        }

        var destination = places.FirstOrDefault(m => IsDestination(text, m));
        var source = places.FirstOrDefault(m => m != destination && IsSource(text, m))
            ?? places.FirstOrDefault(m => m != destination);
        destination ??= places.LastOrDefault(m => m != source);

        var from = (source ?? destination)!.Division.ProvinceCode;
        var to = (destination ?? source)!.Division.ProvinceCode;
        var handling = transferSide == "转出地" ? from : to;
        return (from, handling);
    }

    private static List<PlaceMention> Distinct(IReadOnlyList<PlaceMention> mentions)
    {
        // 浙江杭州 is one place: a mention inside the province named right before it merges into that one.
        var places = new List<PlaceMention>();
        foreach (var mention in mentions)
        {
            if (places.Count > 0 && places[^1].End == mention.Start && places[^1].Division.ProvinceCode == mention.Division.ProvinceCode)
            {
                places[^1] = mention with { Start = places[^1].Start, Length = mention.End - places[^1].Start };
                continue;
            }

            places.Add(mention);
        }

        return places;
    }

    private static bool IsDestination(string text, PlaceMention mention) =>
        s_destinationBefore.Any(cue => EndsBefore(text, mention.Start, cue));

    private static bool IsSource(string text, PlaceMention mention) =>
        s_sourceBefore.Any(cue => EndsBefore(text, mention.Start, cue))
        || s_sourceAfter.Any(cue => string.CompareOrdinal(text, mention.End, cue, 0, cue.Length) == 0);

    private static bool EndsBefore(string text, int position, string cue) =>
        position >= cue.Length && string.CompareOrdinal(text, position - cue.Length, cue, 0, cue.Length) == 0;
}
