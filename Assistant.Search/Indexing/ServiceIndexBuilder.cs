using Assistant.Search.Catalog;
using Assistant.Search.Text;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Search.Similarities;
using Lucene.Net.Util;
using LuceneDirectory = Lucene.Net.Store.Directory;

namespace Assistant.Search.Indexing;

/// <summary>Writes every catalog entry into a Lucene index: words, character bigrams and pinyin per field.</summary>
public sealed class ServiceIndexBuilder(FeatureExtractor features, TextNormalizer normalizer)
{
    public const LuceneVersion Version = LuceneVersion.LUCENE_48;

    public int Build(LuceneDirectory directory, IEnumerable<ServiceEntry> services)
    {
        var config = new IndexWriterConfig(Version, new KeywordAnalyzer())
        {
            OpenMode = OpenMode.CREATE,
            Similarity = new BM25Similarity(),
            RAMBufferSizeMB = 64,
        };
        using var writer = new IndexWriter(directory, config);
        var count = 0;
        foreach (var service in services)
        {
            writer.AddDocument(ToDocument(service));
            count++;
        }

        writer.ForceMerge(1);
        writer.Commit();
        return count;
    }

    public Document ToDocument(ServiceEntry service)
    {
        var name = normalizer.Canonicalize(service.Name);
        var aliases = service.Aliases.Select(normalizer.Canonicalize).ToList();
        var keywords = service.Keywords.Select(normalizer.Canonicalize).ToList();
        var document = new Document
        {
            new StringField(IndexFields.Id, service.Id, Field.Store.YES),
            new StringField(IndexFields.Core, service.IsCore ? "1" : "0", Field.Store.YES),
            new StringField(IndexFields.Province, service.Province ?? "", Field.Store.YES),
        };
        AddTokens(document, IndexFields.NameWords, features.Segmenter.Segment(name));
        AddTokens(document, IndexFields.AliasWords, aliases.SelectMany(features.Segmenter.Segment));
        AddTokens(document, IndexFields.KeywordWords, keywords.SelectMany(features.Segmenter.Segment));
        AddTokens(document, IndexFields.DescriptionWords, features.Segmenter.Segment(normalizer.Canonicalize(service.Description)));
        AddTokens(document, IndexFields.NameBigrams, FeatureExtractor.Bigrams(name));
        AddTokens(document, IndexFields.AliasBigrams, aliases.SelectMany(FeatureExtractor.Bigrams));
        AddTokens(document, IndexFields.Pinyin, new[] { name }.Concat(aliases).Concat(keywords).SelectMany(features.PinyinBigrams));
        return document;
    }

    private static void AddTokens(Document document, string field, IEnumerable<string> tokens)
    {
        var list = tokens.ToList();
        if (list.Count > 0)
        {
            document.Add(new TextField(field, new TokenListStream(list)));
        }
    }
}
