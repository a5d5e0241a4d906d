using System.Collections.Frozen;
using Assistant.Search.Catalog;
using Assistant.Search.Text;

namespace Assistant.Search.Places;

/// <summary>
/// Every name a citizen may use for a province, city or county (杭州市 and 杭州, 恩施土家族苗族自治州 and 恩施, 昆山), built
/// from the statistical division codes in data/external/divisions.
/// </summary>
public sealed class DivisionGazetteer
{
    public const int MaxNameLength = 12;

    // Names that are also everyday words or phrases in this domain, never read as places: short forms that only count in
    // their full form (公安县 vs 公安局, 交城县 vs 交城乡居民医保), and a provincial app name inside a phrase (云南's 办事通,
    // as in 绿色办事通道).
    private static readonly FrozenSet<string> s_everydayWords = FrozenSet.ToFrozenSet(
        ["公安", "资源", "合作", "东方", "方正", "大方", "通道", "城区", "郊区", "矿区", "新区", "社旗", "和平", "长安", "中山", "白云", "开放", "平安", "安全", "宁安", "永年", "民主", "高新", "新城", "城中", "城关", "东区", "西区", "南区", "北区", "河口", "江口", "大同区", "新华", "文山", "金川", "龙泉", "桥西", "桥东", "青山", "阿里", "交城", "办事通"],
        StringComparer.Ordinal);

    private static readonly string[] s_ethnicSuffixes =
    [
        "土家族", "苗族", "朝鲜族", "布依族", "侗族", "彝族", "藏族", "羌族", "哈尼族", "壮族", "傣族", "景颇族", "白族", "傈僳族",
        "回族", "蒙古族", "蒙古", "哈萨克", "柯尔克孜", "瑶族", "黎族", "畲族", "满族", "达斡尔族", "鄂温克族", "土族", "撒拉族",
        "东乡族", "保安族", "仡佬族", "水族", "毛南族", "仫佬族", "各族", "纳西族", "普米族", "独龙族", "怒族", "拉祜族", "佤族",
        "布朗族", "阿昌族", "基诺族", "锡伯族", "裕固族", "哈萨克族", "塔吉克族", "维吾尔族", "京族", "鄂伦春族",
    ];

    private readonly FrozenDictionary<string, Division[]> _names;
    private readonly FrozenDictionary<string, Division[]>.AlternateLookup<ReadOnlySpan<char>> _lookup;
    private readonly FrozenDictionary<string, Division[]> _contextNames;
    private readonly FrozenDictionary<string, Division[]>.AlternateLookup<ReadOnlySpan<char>> _contextLookup;

    private readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> _notPlaces;
    private readonly FrozenSet<char> _notPlaceStarts;
    private readonly int _longestNotPlace;

    private DivisionGazetteer(IReadOnlyList<Division> divisions, Dictionary<string, List<Division>> names,
        Dictionary<string, List<Division>> contextNames, IReadOnlySet<string> officialNames, IReadOnlyCollection<string> notPlaces)
    {
        _notPlaces = notPlaces.ToFrozenSet(StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>();
        _notPlaceStarts = notPlaces.Select(w => w[0]).ToFrozenSet();
        _longestNotPlace = notPlaces.Select(w => w.Length).DefaultIfEmpty(0).Max();
        Divisions = divisions;
        OfficialNames = officialNames;
        _names = names.ToFrozenDictionary(p => p.Key, p => Ranked(p.Value), StringComparer.Ordinal);
        _lookup = _names.GetAlternateLookup<ReadOnlySpan<char>>();
        _contextNames = contextNames.ToFrozenDictionary(p => p.Key, p => Ranked(p.Value), StringComparer.Ordinal);
        _contextLookup = _contextNames.GetAlternateLookup<ReadOnlySpan<char>>();
        ByCode = divisions.GroupBy(d => d.Code, StringComparer.Ordinal).ToFrozenDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
    }

    public IReadOnlyList<Division> Divisions { get; }

    public FrozenDictionary<string, Division> ByCode { get; }

    /// <summary>The divisions' own names and short forms, without nicknames, aliases and app names: what a slip of the
    /// ear or of the keyboard may stand for (三项 is no slip of the nickname 三湘).</summary>
    public IReadOnlySet<string> OfficialNames { get; }

    /// <summary>All names, full and short, for building lexicons.</summary>
    public IEnumerable<string> Names => _names.Keys;

    /// <summary>Names valid only right after their city (district short forms such as 南山, 宝山).</summary>
    public IEnumerable<string> ContextNames => _contextNames.Keys;

    /// <summary>Divisions a name may denote, most likely first (province before city before county).</summary>
    public Division[]? Lookup(ReadOnlySpan<char> name) => _lookup.TryGetValue(name, out var found) ? found : null;

    /// <summary>District short forms (南山 for 南山区), valid only right after their city is named (深圳南山).</summary>
    public Division[]? LookupAfterContext(ReadOnlySpan<char> name) =>
        _contextLookup.TryGetValue(name, out var found) ? found : null;

    /// <summary>The length of a word at <paramref name="start"/> that holds a place name but is no place (兰州拉面,
    /// 蜜雪冰城: data/lexicon/not-places.txt), longest first, or 0. Runs at every position of every text, so a first
    /// character no such word starts with is answered at once.</summary>
    public int NotPlaceAt(ReadOnlySpan<char> text, int start)
    {
        if (!_notPlaceStarts.Contains(text[start]))
        {
            return 0;
        }

        for (var length = Math.Min(_longestNotPlace, text.Length - start); length >= 2; length--)
        {
            if (_notPlaces.Contains(text.Slice(start, length)))
            {
                return length;
            }
        }

        return 0;
    }

    public static DivisionGazetteer Load(string dataDirectory)
    {
        var root = Path.Combine(dataDirectory, "external", "divisions");
        var divisions = new List<Division>();
        var names = new Dictionary<string, List<Division>>(StringComparer.Ordinal);
        var contextNames = new Dictionary<string, List<Division>>(StringComparer.Ordinal);
        var provinceRows = CsvFile.Read(Path.Combine(dataDirectory, "external", "provinces", "provinces.csv")).ToList();
        var provinceShort = provinceRows.ToDictionary(r => r["code"], r => r["short_name"], StringComparer.Ordinal);
        // A province's government-service app names the province (在浙里办上能预约吗 → 浙江): citizens name the app they
        // use more readily than the place.
        var provinceApp = provinceRows.ToDictionary(r => r["code"], r => r["app_name"], StringComparer.Ordinal);

        foreach (var row in CsvFile.Read(Path.Combine(root, "provinces.csv")))
        {
            var division = new Division(row["code"].PadRight(6, '0'), row["name"], DivisionLevel.Province, row["code"], null);
            divisions.Add(division);
            Add(names, row["name"], division);
            if (provinceShort.TryGetValue(row["code"], out var shortName) && shortName.Length > 0)
            {
                Add(names, shortName, division);
            }

            if (provinceApp.TryGetValue(row["code"], out var app) && app.Length > 0)
            {
                Add(names, app, division);
            }
        }

        foreach (var row in CsvFile.Read(Path.Combine(root, "cities.csv")))
        {
            var code = row["code"].PadRight(6, '0');
            var division = new Division(code, row["name"], DivisionLevel.City, row["provinceCode"], code);
            divisions.Add(division);
            if (row["name"] is "市辖区" or "县" or "省直辖县级行政区划" or "自治区直辖县级行政区划")
            {
                continue;
            }

            Add(names, row["name"], division);
            Add(names, ShortForm(row["name"]), division);
        }

        foreach (var row in CsvFile.Read(Path.Combine(root, "areas.csv")))
        {
            var division = new Division(row["code"], row["name"], DivisionLevel.County, row["provinceCode"],
                row["cityCode"].PadRight(6, '0'));
            divisions.Add(division);
            Add(names, row["name"], division);
            var shortName = ShortForm(row["name"]);
            Add(row["name"].EndsWith('区') ? contextNames : names, shortName, division);
            Add(contextNames, shortName, division);
        }

        var official = names.Keys.Except(provinceApp.Values).ToHashSet(StringComparer.Ordinal);
        AddAliases(Path.Combine(dataDirectory, "lexicon", "place-aliases.tsv"), divisions, names, contextNames);
        AddAliases(Path.Combine(dataDirectory, "lexicon", "landmarks.tsv"), divisions, names, contextNames);
        var notPlacesFile = Path.Combine(dataDirectory, "lexicon", "not-places.txt");
        var notPlaces = File.Exists(notPlacesFile) ? LexiconFiles.Lines(notPlacesFile).ToList() : [];
        return new DivisionGazetteer(divisions, names, contextNames, official, notPlaces);
    }

    /// <summary>
    /// Names that stand on their own although the division lists do not make them so (浦东, 宝安; 雄安; landmarks such as
    /// 天河机场): see each file's header for how they were chosen. Each must name a known division and must not already
    /// be a name; a third field (a landmark's kind) is documentation.
    /// </summary>
    private static void AddAliases(string path, List<Division> divisions, Dictionary<string, List<Division>> names,
        Dictionary<string, List<Division>> contextNames)
    {
        if (!File.Exists(path))
        {
            return;
        }

        var byCode = divisions.ToLookup(d => d.Code, StringComparer.Ordinal);
        foreach (var (number, line, parts) in LexiconFiles.NumberedRows(path))
        {
            var division = parts.Length is 2 or 3 ? byCode[parts[1]].FirstOrDefault() : null;
            // An alias may make a district's short form stand alone (浦东) but not point it elsewhere: 榕城 → 福州 would win
            // over 揭阳's 榕城区 even right after 揭阳.
            var elsewhere = contextNames.TryGetValue(parts[0], out var districts) && districts.Any(d => d.Code != division?.Code);
            if (division is null || elsewhere || names.ContainsKey(parts[0]) || parts[0].Length is < 2 or > MaxNameLength
                || s_everydayWords.Contains(parts[0]))
            {
                throw new InvalidDataException($"{path}:{number}: expected 'name<TAB>division code[<TAB>kind]' with a known code and a name not yet in use, got '{line}'");
            }

            Add(names, parts[0], division);
        }
    }

    private static void Add(Dictionary<string, List<Division>> names, string name, Division division)
    {
        if (name.Length < 2 || name.Length > MaxNameLength || s_everydayWords.Contains(name))
        {
            return;
        }

        if (!names.TryGetValue(name, out var list))
        {
            names[name] = list = [];
        }

        if (!list.Contains(division))
        {
            list.Add(division);
        }
    }

    private static Division[] Ranked(List<Division> candidates) =>
        [.. candidates.OrderBy(d => d.Level).ThenBy(d => d.Code, StringComparer.Ordinal)];

    /// <summary>杭州市 → 杭州, 恩施土家族苗族自治州 → 恩施, 大兴安岭地区 → 大兴安岭, 峨边彝族自治县 → 峨边.</summary>
    public static string ShortForm(string name)
    {
        foreach (var suffix in new[] { "自治州", "自治县", "自治旗", "地区", "新区", "林区", "特区", "市", "县", "区", "盟", "旗" })
        {
            if (name.EndsWith(suffix, StringComparison.Ordinal) && name.Length - suffix.Length >= 2)
            {
                name = name[..^suffix.Length];
                break;
            }
        }

        for (var stripped = true; stripped;)
        {
            stripped = false;
            foreach (var ethnic in s_ethnicSuffixes)
            {
                if (name.EndsWith(ethnic, StringComparison.Ordinal) && name.Length - ethnic.Length >= 2)
                {
                    name = name[..^ethnic.Length];
                    stripped = true;
                }
            }
        }

        return name;
    }
}
