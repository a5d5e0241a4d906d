using System.Security.Cryptography;
using System.Text;
using Assistant.Search.Catalog;
using Assistant.Search.Places;
using Assistant.Search.Text;

namespace Assistant.Search;

/// <summary>Everything loaded once from data/: catalog, divisions and the text tables, wired together.</summary>
public sealed class SearchResources
{
    /// <summary>Bump when tokenization or index layout changes, so indexes and models built before are not reused.</summary>
    public const string FormatVersion = "1";

    private SearchResources(string dataPath, ServiceCatalog catalog, DivisionGazetteer gazetteer, TextNormalizer normalizer,
        FeatureExtractor features, string fingerprint)
    {
        DataPath = dataPath;
        Catalog = catalog;
        Gazetteer = gazetteer;
        Locations = new LocationExtractor(gazetteer);
        Normalizer = normalizer;
        Features = features;
        Fingerprint = fingerprint;
    }

    public string DataPath { get; }

    public ServiceCatalog Catalog { get; }

    public DivisionGazetteer Gazetteer { get; }

    public LocationExtractor Locations { get; }

    public TextNormalizer Normalizer { get; }

    public FeatureExtractor Features { get; }

    /// <summary>Hash of the catalog, the lexicons and <see cref="FormatVersion"/>: derived artifacts are keyed by it.</summary>
    public string Fingerprint { get; }

    public static SearchResources Load(string dataPath)
    {
        ChineseSegmenter.WarmUp();
        var catalog = CatalogLoader.Load(dataPath);
        var gazetteer = DivisionGazetteer.Load(dataPath);
        var normalizer = TextNormalizer.Load(dataPath);
        var terms = LexiconFiles.Lines(Path.Combine(dataPath, "lexicon", "terms.txt"))
            .Concat(catalog.CoreServices.SelectMany(s => s.Keywords).Select(normalizer.Canonicalize))
            .Concat(gazetteer.Names);
        var segmenter = new ChineseSegmenter(new DomainLexicon(terms), ChineseSegmenter.LoadStopWords(dataPath));
        var features = new FeatureExtractor(segmenter, PinyinTable.Load(dataPath));
        return new SearchResources(dataPath, catalog, gazetteer, normalizer, features, ComputeFingerprint(dataPath, catalog));
    }

    private static string ComputeFingerprint(string dataPath, ServiceCatalog catalog)
    {
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        sha.AppendData(Encoding.UTF8.GetBytes(FormatVersion + catalog.ContentHash));
        foreach (var file in System.IO.Directory.GetFiles(Path.Combine(dataPath, "lexicon")).Order(StringComparer.Ordinal))
        {
            sha.AppendData(File.ReadAllBytes(file));
        }

        return Convert.ToHexString(sha.GetHashAndReset())[..16].ToLowerInvariant();
    }
}
