using System.Collections.Frozen;
using Assistant.Search.Text;

namespace Assistant.Search.Places;

/// <summary>
/// City and province names heard right but written wrong, as speech recognition and hurried typing do (杭洲 for 杭州,
/// 广洲 for 广州, 河难 for 河南). A window is read as a place only when all of these hold, each needed on real text:
/// <list type="bullet">
/// <item>it follows a word that says a place comes next (在, 到, 去, 回, 来, 从, 住), or is followed by one that says it
/// was one (这边, 那边, 这里, 那里, 这儿, 那儿: 石家装这边, 济男这边), unless it is two characters and starts with a common
/// surname (许畅这边 is a person, not 许昌);</item>
/// <item>it begins with the name's own first character (转学到八中 is not 巴中, 冒名 is not 茂名), and among the
/// divisions' own names and short forms that begin with that character, districts and counties included, only one city
/// or province has its toneless pinyin, and nothing else does but counties of that city (长沙县 of 长沙). 宝扇 sounds like
/// 宝山, which is both Shanghai's and 双鸭山's 宝山区, so it is no one's; 苏洲 can only be 苏州, not 宿州, and 福洲 only
/// 福州, not 抚州. Nicknames, aliases and app names have no sound-alikes (三项 is no slip of 三湘,
/// <see cref="DivisionGazetteer.OfficialNames"/>);</item>
/// <item>it is neither a known name itself nor a word of SmartCn's dictionary (在海难中 is not 海南, 通话中 not 通化,
/// 信仰 not 信阳).</item>
/// </list>
/// Nasal finals are not folded (去龙阳路 would become 龙岩), so 深证 for 深圳 is not caught. Each character has one
/// reading (<see cref="PinyinTable"/>); names read with a second one are heard both ways, by those first readings and
/// as data/lexicon/pinyin-words.tsv reads them (成都 cheng du: 成督 is caught; 厦门 sha men: 厦们 too), which lists the
/// commonest of them only.
/// </summary>
public sealed class PlaceSoundAlikes
{
    private const int MaxLength = 4;

    private static readonly FrozenSet<char> s_placeCues = FrozenSet.ToFrozenSet("在到去回来从住");

    /// <summary>Buildings and offices (东馆, 南厂, 北院, 西楼…): see <see cref="PlaceExpected"/>.</summary>
    private static readonly FrozenSet<char> s_buildings = FrozenSet.ToFrozenSet("馆厂院楼所局处站店门室部科队");

    /// <summary>Words after a name that say it is a place (石家装这边, 济男那里).</summary>
    private static readonly string[] s_trailingCues = ["这边", "那边", "这里", "那里", "这儿", "那儿"];

    /// <summary>Pinyin words that say a place comes next (在, 到, 去, 回, 来, 从, 住).</summary>
    private static readonly string[] s_typedCues = ["zai", "dao", "qu", "hui", "lai", "cong", "zhu"];

    private readonly FrozenDictionary<string, (string Name, Division Division)> _bySound;
    private readonly FrozenDictionary<string, (string Name, Division Division)> _byFirstAndSound;
    private readonly DivisionGazetteer _gazetteer;
    private readonly PinyinTable _pinyin;
    private readonly Func<string, bool> _isWord;
    private readonly IReadOnlySet<char> _surnames;

    private PlaceSoundAlikes(FrozenDictionary<string, (string Name, Division Division)> bySound,
        FrozenDictionary<string, (string Name, Division Division)> byFirstAndSound, DivisionGazetteer gazetteer,
        PinyinTable pinyin, Func<string, bool> isWord, IReadOnlySet<char> surnames)
    {
        _surnames = surnames;
        _bySound = bySound;
        _byFirstAndSound = byFirstAndSound;
        _gazetteer = gazetteer;
        _pinyin = pinyin;
        _isWord = isWord;
    }

    /// <param name="isWord">Whether a string is a dictionary word (SmartCn's segmentation keeps it whole).</param>
    /// <param name="surnames">Common surnames (data/lexicon/surnames.txt): a two-character window before 这边 that starts
    /// with one is as often a person.</param>
    /// <param name="readings">Toneless readings of words whose characters' first reading is wrong (data/lexicon/
    /// pinyin-words.tsv: 成都 cheng du, 重庆 chong qing, 厦门 xia men): a name starting with one sounds that way, so 成督
    /// and typed chengdu, chongqing, xiamen are found.</param>
    public static PlaceSoundAlikes Build(DivisionGazetteer gazetteer, PinyinTable pinyin, Func<string, bool> isWord,
        IReadOnlySet<char> surnames, IReadOnlyDictionary<string, string> readings)
    {
        string? NameSound(string name)
        {
            foreach (var (word, reading) in readings)
            {
                if (name.StartsWith(word, StringComparison.Ordinal) && Sound(name[word.Length..], pinyin) is { } rest)
                {
                    return rest.Length == 0 ? reading : reading + " " + rest;
                }
            }

            return Sound(name, pinyin);
        }

        // Typed pinyin has no first character to tell 苏州 from 宿州, so it is read by sound alone; characters by their
        // first character and sound.
        var sounds = new Dictionary<string, (string Name, HashSet<Division> Divisions)>(StringComparer.Ordinal);
        var firstAndSounds = new Dictionary<string, (string Name, HashSet<Division> Divisions)>(StringComparer.Ordinal);
        void Add(string name, Division[]? divisions)
        {
            if (divisions is null || name.Length > MaxLength)
            {
                return;
            }

            // Its word reading (成都 cheng du: 成督) and its characters' first readings, which is how a slip in the
            // text is sounded (厦们 sha men for 厦门).
            var keys = new[] { NameSound(name), Sound(name, pinyin) }.OfType<string>().Distinct()
                .SelectMany(sound => new[] { (sounds, sound), (firstAndSounds, name[0] + sound) });
            foreach (var (table, key) in keys)
            {
                if (!table.TryGetValue(key, out var entry))
                {
                    table[key] = entry = (name, []);
                }

                entry.Divisions.UnionWith(divisions);
            }
        }

        foreach (var name in gazetteer.OfficialNames)
        {
            Add(name, gazetteer.Lookup(name));
        }

        foreach (var name in gazetteer.ContextNames)
        {
            Add(name, gazetteer.LookupAfterContext(name));
        }

        return new PlaceSoundAlikes(Unique(sounds), Unique(firstAndSounds), gazetteer, pinyin, isWord, surnames);
    }

    /// <summary>The keys that name exactly one city or province, counting a county of a city's own name inside it as that
    /// city (长沙 is 长沙市 and its 长沙县).</summary>
    private static FrozenDictionary<string, (string Name, Division Division)> Unique(
        Dictionary<string, (string Name, HashSet<Division> Divisions)> table)
    {
        static Division? One(HashSet<Division> divisions)
        {
            if (divisions.Count == 1 && divisions.First().Level == DivisionLevel.Province)
            {
                return divisions.First();
            }

            var cities = divisions.Where(d => d.Level == DivisionLevel.City).Take(2).ToList();
            return cities is [var city] && divisions.All(d => d.CityCode == city.Code) ? city : null;
        }

        return table.Select(p => (p.Key, p.Value.Name, Division: One(p.Value.Divisions)))
            .Where(p => p.Division is not null)
            .ToFrozenDictionary(p => p.Key, p => (p.Name, p.Division!), StringComparer.Ordinal);
    }

    /// <summary>
    /// A city or province typed in pinyin without choosing characters (hangzhou, ma'anshan, zai guang zhou), at the start
    /// of a Latin word, read through a table of sounds that name one division (suzhou, fuzhou and henan, which several
    /// divisions share, are no one's; xi'an too, as 西安区 districts exist): unlike characters, pinyin has no first
    /// character to tell 苏州 from 宿州. One word, or syllables joined by apostrophes, is read anywhere; syllables
    /// typed as separate words only after zai, dao, qu, hui, lai, cong or zhu,
    /// since a sentence typed syllable by syllable is full of cities' sounds (yun fu 孕妇, wu hai 无害). Names read with
    /// a second reading are found as pinyin-words.tsv reads them (changsha, chongqing, xiamen); names of more than
    /// <see cref="MaxLength"/> syllables (wulumuqi) are not.
    /// </summary>
    public (int Length, Division Division)? TypedAt(string text, int start)
    {
        if (!char.IsAsciiLetterLower(text[start]) || start > 0 && char.IsAsciiLetterLower(text[start - 1]))
        {
            return null;
        }

        var before = text.AsSpan(0, start).TrimEnd(' ');
        var cued = false;
        foreach (var cue in s_typedCues)
        {
            cued |= before.EndsWith(cue, StringComparison.Ordinal)
                && (before.Length == cue.Length || !char.IsAsciiLetterLower(before[before.Length - cue.Length - 1]));
        }

        (int Length, Division Division)? found = null;
        var syllables = new List<string>();
        var end = start;
        while (end < text.Length && char.IsAsciiLetterLower(text[end]))
        {
            var wordStart = end;
            while (end < text.Length && char.IsAsciiLetterLower(text[end]))
            {
                end++;
            }

            if (_pinyin.Syllables(text[wordStart..end]) is not { } split || syllables.Count + split.Length > MaxLength)
            {
                break;
            }

            syllables.AddRange(split);
            if (syllables.Count >= 2 && _bySound.TryGetValue(string.Join(' ', syllables), out var heard))
            {
                found = (end - start, heard.Division);
            }

            // Apostrophes join the syllables of one name; a space joins words only after a cue.
            if (end + 1 < text.Length && char.IsAsciiLetterLower(text[end + 1]) && (text[end] is '\'' or '’' || text[end] == ' ' && cued))
            {
                end++;
            }
            else
            {
                break;
            }
        }

        return found;
    }

    /// <summary>The division a text names by sound at <paramref name="start"/>, longest first, with its length.</summary>
    public (int Length, Division Division)? At(string text, int start)
    {
        for (var length = Math.Min(MaxLength, text.Length - start); length >= 2; length--)
        {
            if (!PlaceExpected(text, start, length))
            {
                continue;
            }

            var window = text.Substring(start, length);
            if (Sound(window, _pinyin) is { } sound && _byFirstAndSound.TryGetValue(window[0] + sound, out var heard)
                && window.Length == heard.Name.Length
                && _gazetteer.Lookup(window) is null && _gazetteer.LookupAfterContext(window) is null && !_isWord(window))
            {
                return (length, heard.Division);
            }
        }

        return null;
    }

    /// <summary>Whether a window stands where a place is expected: after 在, 到, 去… or before 这边, 那边…; but two characters
    /// starting with a common surname before 这边, 那里… are a person whatever comes before (许畅这边, 交到黄珊那里), and
    /// two ending in a building or office are part of one (在东馆排队 is no 东莞, 南厂这边 no 南昌): a two-character slip
    /// has changed its second character, so a building there was never the name's.</summary>
    private bool PlaceExpected(string text, int start, int length)
    {
        var cueAfter = FollowedByCue(text.AsSpan(start + length));
        if (length == 2 && (_surnames.Contains(text[start]) && cueAfter || s_buildings.Contains(text[start + 1])))
        {
            return false;
        }

        return cueAfter || start > 0 && s_placeCues.Contains(text[start - 1]);
    }

    /// <summary>Whether the text after a window starts with 这边, 那边….</summary>
    private static bool FollowedByCue(ReadOnlySpan<char> rest) => SpanWords.StartsWithAny(rest, s_trailingCues);

    /// <summary>The toneless syllables of a name, or null when a character has none (Latin letters, digits).</summary>
    private static string? Sound(string name, PinyinTable pinyin) =>
        name.All(c => pinyin.Toneless(c) is not null) ? pinyin.ToPinyin(name) : null;
}
