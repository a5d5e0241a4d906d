using Assistant.Search.Places;

namespace Assistant.Search.Understanding;

/// <summary>
/// Decides which named place is where the citizen is or wants it done (<c>province</c>) and, for transfers, which
/// province must handle it (<c>to_province</c>, by the catalog's 转入地/转出地 rule):
/// "我在深圳上班，老家河南，养老保险想转回去" → 44, handled in 41; "户口在河南，人在上海，想在上海补身份证" → 31;
/// "社保从广东转到湖南，我已经回湖南上班了" → 43, handled in 43.
/// Each place is read from the words right around it (<see cref="PlaceReading"/>); the roles then follow from those
/// readings in one order of preference, the same for every service.
/// </summary>
public static class PlaceRoles
{
    // The account moves to where the citizen is (转过来) or away to the other place (转回去), said with a moving verb
    // right before: 过去 alone is "in the past" (过去在深圳交的), 过来 alone a person arriving.
    private static readonly string[] s_movingVerbs = ["转", "迁", "带", "挪", "跟", "接", "调", "拿", "弄", "合", "并", "移"];
    private static readonly string[] s_comesHere = ["过来", "回来", "来", "到这边", "到这里"];
    private static readonly string[] s_goesAway = ["回去", "过去", "回老家", "去老家"];
    // The citizen has already made the move (我已经回来上班了): they are where the account goes.
    private static readonly string[] s_arrived = ["已经回来", "已经过来", "已经来了", "已经到了", "已经搬过来"];

    /// <param name="handledWhereInsured">The service is handled where the citizen is insured (<see cref="Catalog.ServiceEntry.HandledWhereInsured"/>):
    /// a place named as that (黑龙江的医保，冬天去海南住半年，异地就医备案咋弄 → 23) is the province.</param>
    public static (string? Province, string? ToProvince) Resolve(string text, IReadOnlyList<PlaceMention> mentions,
        string? transferSide, bool handledWhereInsured = false)
    {
        var places = Distinct(mentions).Select(m => PlaceReading.Read(text, m)).ToList();
        if (places.Count == 0)
        {
            return (null, null);
        }

        // Where it is done, if said; else where the citizen is now; else the first place not only in the past.
        var here = places.LastOrDefault(p => p.Wished) ?? places.FirstOrDefault(p => p.DoneHere) ?? places.LastOrDefault(p => p.Here);
        var settled = places.FirstOrDefault(p => !p.Away) ?? places[0];
        if (transferSide is null)
        {
            var insured = handledWhereInsured ? places.FirstOrDefault(p => p.Insured) : null;
            return ((insured ?? here ?? settled).Province, null);
        }

        var comesHere = Moves(text, s_comesHere);
        var goesAway = !comesHere && Moves(text, s_goesAway);
        var destination = places.FirstOrDefault(p => p.MovedTo)
            ?? (goesAway ? Elsewhere(places, here, p => p.Hometown) ?? Elsewhere(places, here, p => !p.From) ?? Elsewhere(places, here, _ => true) : null)
            ?? (comesHere ? here ?? places.FirstOrDefault(p => !p.From && !p.Away) : null)
            ?? here
            ?? places.LastOrDefault(p => !p.From);
        var origin = places.FirstOrDefault(p => p.From && p.Province != destination?.Province)
            ?? places.FirstOrDefault(p => p.Province != destination?.Province);

        var arrived = s_arrived.Any(a => text.Contains(a, StringComparison.Ordinal));
        var citizen = here ?? (comesHere || arrived ? destination : null) ?? origin ?? settled;
        var handling = transferSide == "转出地" ? origin ?? destination : destination ?? origin;
        return (citizen.Province, handling?.Province);
    }

    /// <summary>Whether a moving verb is followed by one of <paramref name="directions"/> (转过来, 迁回去, 转回老家).</summary>
    private static bool Moves(string text, string[] directions) =>
        s_movingVerbs.Any(verb => directions.Any(direction => text.Contains(verb + direction, StringComparison.Ordinal)));

    /// <summary>The first place in another province than where the citizen is.</summary>
    private static PlaceReading? Elsewhere(List<PlaceReading> places, PlaceReading? here, Func<PlaceReading, bool> also) =>
        places.FirstOrDefault(p => p.Province != here?.Province && also(p));

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
}
