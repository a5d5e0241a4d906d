using System.Security.Cryptography;
using System.Text;
using Assistant.Search.Catalog;
using Assistant.Search.Places;
using Assistant.Search.Text;

namespace Assistant.Search;

/// <summary>Everything loaded once from data/: catalog, divisions and the text tables, wired together.</summary>
public sealed class SearchResources
{
    /// <summary>Bump when tokenization, the place rules, the classifier's features or the index layout change (place rules
    /// decide what the classifier reads), so indexes and models built before are not reused.</summary>
    public const string FormatVersion = "19";

    private SearchResources(string dataPath, ServiceCatalog catalog, DivisionGazetteer gazetteer, TextNormalizer normalizer,
        Salutations salutations, FeatureExtractor features, string fingerprint)
    {
        Salutations = salutations;
        DataPath = dataPath;
        Catalog = catalog;
        Gazetteer = gazetteer;
        var surnames = LexiconFiles.Lines(Path.Combine(dataPath, "lexicon", "surnames.txt")).SelectMany(line => line).ToHashSet();
        var readings = LexiconFiles.Pairs(Path.Combine(dataPath, "lexicon", "pinyin-words.tsv"))
            .ToDictionary(p => p.Key, p => PinyinTable.WithoutTones(p.Value), StringComparer.Ordinal);
        var soundAlikes = PlaceSoundAlikes.Build(gazetteer, features.PinyinTable,
            word => ChineseSegmenter.SmartCnTokens(word) is [var only] && only == word, surnames, readings);
        Locations = new LocationExtractor(gazetteer, soundAlikes, ProvinceCharacters(dataPath, "plate-prefixes.tsv", gazetteer),
            ProvinceCharacters(dataPath, "province-abbreviations.tsv", gazetteer));
        Normalizer = normalizer;
        RequestCues = RequestCues.Load(dataPath);
        Features = features;
        Fingerprint = fingerprint;
    }

    public string DataPath { get; }

    public ServiceCatalog Catalog { get; }

    public DivisionGazetteer Gazetteer { get; }

    public LocationExtractor Locations { get; }

    public TextNormalizer Normalizer { get; }

    public Salutations Salutations { get; }

    /// <summary>Whether a clause asks for something.</summary>
    public RequestCues RequestCues { get; }

    public FeatureExtractor Features { get; }

    /// <summary>Hash of the catalog, the lexicons and <see cref="FormatVersion"/>: derived artifacts are keyed by it.</summary>
    public string Fingerprint { get; }

    public static SearchResources Load(string dataPath) => Load(dataPath, SegmenterKind.SmartCn);

    /// <param name="segmenter">The base tokenizer under term expansion; part of the fingerprint, so each kind has its own
    /// index and model.</param>
    public static SearchResources Load(string dataPath, SegmenterKind segmenter)
    {
        ChineseSegmenter.WarmUp();
        var catalog = CatalogLoader.Load(dataPath);
        var gazetteer = DivisionGazetteer.Load(dataPath);
        var normalizer = TextNormalizer.Load(dataPath);
        var terms = LexiconFiles.Lines(Path.Combine(dataPath, "lexicon", "terms.txt"))
            .Concat(catalog.CoreServices.SelectMany(s => s.Keywords).Select(normalizer.Canonicalize))
            .Concat(gazetteer.Names).ToList();
        IWordTokenizer tokenizer = segmenter == SegmenterKind.Jieba ? new JiebaTokenizer(terms) : new SmartCnTokenizer();
        var words = new ChineseSegmenter(new DomainLexicon(terms), ChineseSegmenter.LoadStopWords(dataPath), tokenizer);
        var features = new FeatureExtractor(words, PinyinTable.Load(dataPath));
        return new SearchResources(dataPath, catalog, gazetteer, normalizer, Salutations.Load(dataPath), features,
            ComputeFingerprint(dataPath, catalog, segmenter));
    }

    /// <summary>A lexicon file of one-character province names: licence-plate prefixes, abbreviations.</summary>
    private static Dictionary<char, Division> ProvinceCharacters(string dataPath, string file, DivisionGazetteer gazetteer) =>
        LexiconFiles.Pairs(Path.Combine(dataPath, "lexicon", file))
            .ToDictionary(p => p.Key[0], p => gazetteer.ByCode[p.Value.PadRight(6, '0')]);

    private static string ComputeFingerprint(string dataPath, ServiceCatalog catalog, SegmenterKind segmenter)
    {
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        // SmartCn adds nothing, so the default keeps the fingerprints (and cached indexes) it had before the switch existed.
        var kind = segmenter == SegmenterKind.SmartCn ? "" : "|" + segmenter;
        sha.AppendData(Encoding.UTF8.GetBytes(FormatVersion + catalog.ContentHash + kind));
        // Place names (division lists, provincial app names) feed the segmenter's lexicon as well, so they key the index and model too.
        var inputs = System.IO.Directory.GetFiles(Path.Combine(dataPath, "lexicon"))
            .Concat(System.IO.Directory.GetFiles(Path.Combine(dataPath, "external", "divisions"), "*.csv"))
            .Append(Path.Combine(dataPath, "external", "provinces", "provinces.csv"));
        foreach (var file in inputs.Order(StringComparer.Ordinal))
        {
            sha.AppendData(File.ReadAllBytes(file));
        }

        return Convert.ToHexString(sha.GetHashAndReset())[..16].ToLowerInvariant();
    }
}
