using System.Runtime.CompilerServices;
using Assistant.Search.Catalog;
using Assistant.Search.Text;
using Lucene.Net.Index;
using Lucene.Net.Search;

namespace Assistant.Search.Indexing;

/// <summary>Ranks catalog entries for the features of one normalized query. Thread-safe.</summary>
public sealed class ServiceSearcher(ServiceIndex index, ServiceCatalog catalog, SearchOptions options)
{
    // Hits are mapped to entries through a per-segment array built once from the id terms: reading the stored id of
    // each hit decompressed a stored-fields block per document (40 a query, about as long as the Lucene query itself).
    // Keyed by the segment core, so a reopened reader builds its own and a dropped one is collected.
    private readonly ConditionalWeakTable<object, ServiceEntry?[]> _entries = new();
    private readonly ConditionalWeakTable<IndexSearcher, QueryTerms> _terms = new();

    static ServiceSearcher() => BooleanQuery.MaxClauseCount = 4096;

    /// <param name="province">Where the citizen is, when known: another province's own items rank far lower.</param>
    public IReadOnlyList<ServiceHit> Search(TextFeatures query, string? province, int top)
    {
        var searcher = index.Searchers.Acquire();
        try
        {
            var luceneQuery = Query(query, searcher);
            if (luceneQuery.Clauses.Count == 0)
            {
                return [];
            }

            var collector = TopScoreDocCollector.Create(top * 4 + 20, docsScoredInOrder: ScoreInOrder(searcher));
            searcher.Search(luceneQuery, collector);
            var docs = collector.GetTopDocs().ScoreDocs;
            var hits = new List<ServiceHit>(docs.Length);
            var leaves = searcher.IndexReader.Leaves;
            foreach (var doc in docs)
            {
                var leaf = leaves[ReaderUtil.SubIndex(doc.Doc, leaves)];
                if (Entries(leaf.AtomicReader)[doc.Doc - leaf.DocBase] is not { } service)
                {
                    continue;
                }

                hits.Add(new ServiceHit(service, doc.Score * Prior(service, province), []));
            }

            return [.. hits.OrderByDescending(h => h.Score).Take(top).Select(h => h with { Matched = Matched(h.Service, query) })];
        }
        finally
        {
            index.Searchers.Release(searcher);
        }
    }

    /// <summary>
    /// Small catalogs score documents in order (a heap over the clauses): the out-of-order bulk scorer allocates a
    /// 2,048-bucket table per search, which was a third of a full-catalog query's garbage. In a catalog of a million
    /// entries most clauses match thousands of documents, and there the bucket table is several times faster.
    /// </summary>
    public static bool ScoreInOrder(IndexSearcher searcher) => searcher.IndexReader.MaxDoc <= 100_000;

    private ServiceEntry?[] Entries(AtomicReader reader) => _entries.GetValue(reader.CoreCacheKey, _ => Load(reader));

    private ServiceEntry?[] Load(AtomicReader reader)
    {
        var entries = new ServiceEntry?[reader.MaxDoc];
        var terms = reader.GetTerms(IndexFields.Id)?.GetEnumerator();
        DocsEnum? docs = null;
        while (terms is not null && terms.MoveNext())
        {
            var service = catalog.Find(terms.Term.Utf8ToString());
            docs = terms.Docs(null, docs);
            for (var doc = docs.NextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = docs.NextDoc())
            {
                entries[doc] = service;
            }
        }

        return entries;
    }

    private float Prior(ServiceEntry service, string? province)
    {
        if (service.IsCore)
        {
            return options.CorePrior;
        }

        return province is not null && service.Province != province ? options.OtherProvincePrior : 1f;
    }

    /// <summary>The Lucene query this searcher runs for <paramref name="query"/> on <paramref name="searcher"/>'s
    /// reader: one boosted term clause per word, character bigram and pinyin bigram that the field holds.</summary>
    public BooleanQuery Query(TextFeatures query, IndexSearcher searcher)
    {
        var terms = _terms.GetValue(searcher, s => new QueryTerms(s));
        var boolean = new BooleanQuery(disableCoord: true);
        foreach (var word in query.Words)
        {
            foreach (var (field, boost) in IndexFields.WordFields)
            {
                Add(boolean, terms.Find(field, word, boost));
            }
        }

        foreach (var bigram in query.Bigrams.Distinct(StringComparer.Ordinal))
        {
            foreach (var (field, boost) in IndexFields.BigramFields)
            {
                Add(boolean, terms.Find(field, bigram, boost));
            }
        }

        foreach (var syllables in query.Pinyin.Distinct(StringComparer.Ordinal))
        {
            Add(boolean, terms.Find(IndexFields.Pinyin, syllables, IndexFields.PinyinBoost));
        }

        return boolean;
    }

    private static void Add(BooleanQuery boolean, Query? clause)
    {
        if (clause is not null)
        {
            boolean.Add(clause, Occur.SHOULD);
        }
    }

    /// <summary>The query words found in the entry's name, aliases or keywords.</summary>
    public static IReadOnlyList<string> Matched(ServiceEntry service, TextFeatures query) =>
        [.. query.Words.Where(w => service.Name.Contains(w, StringComparison.Ordinal)
            || service.Aliases.Any(a => a.Contains(w, StringComparison.Ordinal))
            || service.Keywords.Any(k => k.Contains(w, StringComparison.Ordinal)))];
}
