using Assistant.Search.Text;

namespace Assistant.Search.Places;

/// <summary>
/// Finds the places a citizen names (浙江杭州, 深圳南山, 老家河南, 在昆山上班) and resolves each to its division; a city
/// written by its sound after 在/到/去… (在杭洲) or typed in pinyin (zai hangzhou) is found through
/// <paramref name="soundAlikes"/>.
/// </summary>
/// <param name="plates">Licence-plate province characters (data/lexicon/plate-prefixes.tsv): 苏E is Jiangsu.</param>
/// <param name="abbreviations">One-character province abbreviations (data/lexicon/province-abbreviations.tsv): 川籍,
/// 在渝工作.</param>
public sealed class LocationExtractor(DivisionGazetteer gazetteer, PlaceSoundAlikes? soundAlikes = null,
    IReadOnlyDictionary<char, Division>? plates = null, IReadOnlyDictionary<char, Division>? abbreviations = null)
{
    /// <summary>Words before an abbreviation that say one is there (在渝, 来沪, 回鄂).</summary>
    private static readonly System.Buffers.SearchValues<char> s_beingThere = System.Buffers.SearchValues.Create("在来赴回驻留");

    /// <summary>Words after it that say one works or lives there (在渝工作, 来沪务工): without them 在京东 is a shop.</summary>
    private static readonly string[] s_livingThere =
        ["工作", "务工", "打工", "上班", "就业", "读书", "上学", "求学", "生活", "定居", "创业", "经商", "发展", "落户", "参保", "养老"];

    public DivisionGazetteer Gazetteer => gazetteer;

    /// <summary>Every place mention, left to right, longest name first, ambiguous names resolved by the others.</summary>
    public IReadOnlyList<PlaceMention> Extract(string text)
    {
        var raw = new List<(int Start, int Length, Division[] Candidates)>();
        var span = text.AsSpan();
        for (var i = 0; i < span.Length;)
        {
            if (gazetteer.NotPlaceAt(span, i) is > 0 and var notPlace)
            {
                i += notPlace;
                continue;
            }

            var previousEnd = raw.Count > 0 ? raw[^1].Start + raw[^1].Length : -1;
            var match = LongestAt(span, i, afterPlace: previousEnd == i) ?? HeardAt(text, i) ?? TypedAt(text, i) ?? PlateAt(text, i)
                ?? AbbreviationAt(text, i);
            if (match is { } m)
            {
                raw.Add((i, m.Length, m.Candidates));
                i += m.Length;
            }
            else
            {
                i++;
            }
        }

        var mentions = new List<PlaceMention>(raw.Count);
        for (var k = 0; k < raw.Count; k++)
        {
            var (start, length, candidates) = raw[k];
            var context = raw.Where((_, j) => j != k).Select(r => r.Candidates[0]).ToList();
            var previous = k > 0 && raw[k - 1].Start + raw[k - 1].Length == start ? mentions[k - 1].Division : null;
            mentions.Add(new PlaceMention(Resolve(candidates, previous, context), start, length, text.Substring(start, length)));
        }

        return mentions;
    }

    /// <summary>The most specific place named, with the others as context: 浙江杭州 → 杭州; 深圳南山 → 南山区.</summary>
    public static PlaceMention? MostSpecific(IReadOnlyList<PlaceMention> mentions) =>
        mentions.Count == 0 ? null : mentions.OrderByDescending(m => m.Division.Level).ThenBy(m => m.Start).First();

    /// <summary>A place written by its sound, unless a real name starts inside it (去了山东 is 山东, not 了山 for 乐山).</summary>
    private (int Length, Division[] Candidates)? HeardAt(string text, int start)
    {
        if (soundAlikes?.At(text, start) is not { } heard)
        {
            return null;
        }

        for (var inside = start + 1; inside < start + heard.Length; inside++)
        {
            if (LongestAt(text, inside, afterPlace: false) is not null)
            {
                return null;
            }
        }

        return (heard.Length, [heard.Division]);
    }

    /// <summary>
    /// A licence plate: its province character and letter (lower-cased by normalization) followed by the plate's
    /// number (京a12345), or ending the word with a car or plate said just after or before it (苏e牌照, 川a的二手车,
    /// 车是粤b的). A province character and a letter alone are everyday text: 换新c1驾照, 新a股, 新u盘 are no plates of
    /// Xinjiang, nor is the car model 新c级车.
    /// </summary>
    private (int Length, Division[] Candidates)? PlateAt(string text, int start)
    {
        if (plates is null || !plates.TryGetValue(text[start], out var province) || start + 1 >= text.Length
            || !char.IsAsciiLetterLower(text[start + 1]))
        {
            return null;
        }

        var rest = text.AsSpan(start + 2);
        var number = rest.IndexOfAnyExcept(s_plateCharacters) is var end and >= 0 ? end : rest.Length;
        if (number >= 4)
        {
            return (2, [province]);
        }

        // No number: the letter must end the word (牌, 车, 的, punctuation or the end follow), and a car or plate be said
        // just after it (苏e牌照, 川a的二手车) or just before (车是粤b的). 新c级车 is a car model, not a plate.
        var endsWord = number == 0 && (rest.IsEmpty || rest[0] is '牌' or '车' or '的' || !FeatureExtractor.IsHan(rest[0]));
        return endsWord && (SaysCar(rest[..Math.Min(4, rest.Length)]) || SaysCar(text.AsSpan(Math.Max(0, start - 3), Math.Min(3, start))))
            ? (2, [province])
            : null;
    }

    /// <summary>
    /// A province by its one-character abbreviation, only where nothing else can be meant: before 籍 (川籍退伍军人, 沪籍)
    /// or between being there and working or living there (在渝工作, 来沪务工, 回鄂发展). Everywhere else these characters
    /// are words or names of their own (京东, 鲁迅, 苏醒, 湘菜).
    /// </summary>
    private (int Length, Division[] Candidates)? AbbreviationAt(string text, int start)
    {
        if (abbreviations is null || !abbreviations.TryGetValue(text[start], out var province))
        {
            return null;
        }

        var rest = text.AsSpan(start + 1);
        var registered = rest.StartsWith("籍", StringComparison.Ordinal);
        var livingThere = start > 0 && s_beingThere.Contains(text[start - 1]) && SpanWords.StartsWithAny(rest, s_livingThere);
        return registered || livingThere ? (1, [province]) : null;
    }

    private static bool SaysCar(ReadOnlySpan<char> near) => near.Contains('车') || near.Contains('牌');

    private static readonly System.Buffers.SearchValues<char> s_plateCharacters =
        System.Buffers.SearchValues.Create("0123456789abcdefghijklmnopqrstuvwxyz");

    private (int Length, Division[] Candidates)? TypedAt(string text, int start) =>
        soundAlikes?.TypedAt(text, start) is { } typed ? (typed.Length, [typed.Division]) : null;

    private (int Length, Division[] Candidates)? LongestAt(ReadOnlySpan<char> text, int start, bool afterPlace)
    {
        var max = Math.Min(DivisionGazetteer.MaxNameLength, text.Length - start);
        for (var length = max; length >= 2; length--)
        {
            var name = text.Slice(start, length);
            var found = gazetteer.Lookup(name) ?? (afterPlace ? gazetteer.LookupAfterContext(name) : null);
            if (found is not null)
            {
                return (length, found);
            }
        }

        return null;
    }

    private static Division Resolve(Division[] candidates, Division? previous, List<Division> context)
    {
        if (candidates.Length == 1)
        {
            return candidates[0];
        }

        // 深圳南山: the district inside the city named just before wins; otherwise any place named elsewhere in the text.
        return candidates
            .Select((c, rank) => (c, rank, score: Affinity(c, previous) * 4 + context.Sum(o => Affinity(c, o))))
            .OrderByDescending(x => x.score)
            .ThenBy(x => x.rank)
            .First().c;
    }

    private static int Affinity(Division candidate, Division? other)
    {
        if (other is null)
        {
            return 0;
        }

        if (other.Level == DivisionLevel.City && candidate.CityCode == other.Code)
        {
            return 2;
        }

        return candidate.ProvinceCode == other.ProvinceCode ? 1 : 0;
    }
}
