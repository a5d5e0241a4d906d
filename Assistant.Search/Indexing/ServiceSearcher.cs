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

    static ServiceSearcher() => BooleanQuery.MaxClauseCount = 4096;

    /// <param name="province">Where the citizen is, when known: another province's own items rank far lower.</param>
    public IReadOnlyList<ServiceHit> Search(TextFeatures query, string? province, int top)
    {
        var luceneQuery = BuildQuery(query);
        if (luceneQuery.Clauses.Count == 0)
        {
            return [];
        }

        var searcher = index.Searchers.Acquire();
        try
        {
            var docs = searcher.Search(luceneQuery, top * 4 + 20).ScoreDocs;
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

    private static BooleanQuery BuildQuery(TextFeatures query)
    {
        var boolean = new BooleanQuery(disableCoord: false);
        foreach (var word in query.Words)
        {
            foreach (var (field, boost) in IndexFields.WordFields)
            {
                boolean.Add(new TermQuery(new Term(field, word)) { Boost = boost }, Occur.SHOULD);
            }
        }

        foreach (var bigram in query.Bigrams.Distinct(StringComparer.Ordinal))
        {
            foreach (var (field, boost) in IndexFields.BigramFields)
            {
                boolean.Add(new TermQuery(new Term(field, bigram)) { Boost = boost }, Occur.SHOULD);
            }
        }

        foreach (var syllables in query.Pinyin.Distinct(StringComparer.Ordinal))
        {
            boolean.Add(new TermQuery(new Term(IndexFields.Pinyin, syllables)) { Boost = IndexFields.PinyinBoost }, Occur.SHOULD);
        }

        return boolean;
    }

    /// <summary>The query words found in the entry's name, aliases or keywords.</summary>
    public static IReadOnlyList<string> Matched(ServiceEntry service, TextFeatures query) =>
        [.. query.Words.Where(w => service.Name.Contains(w, StringComparison.Ordinal)
            || service.Aliases.Any(a => a.Contains(w, StringComparison.Ordinal))
            || service.Keywords.Any(k => k.Contains(w, StringComparison.Ordinal)))];
}
