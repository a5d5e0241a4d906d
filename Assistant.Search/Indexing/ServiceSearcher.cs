using Assistant.Search.Catalog;
using Assistant.Search.Text;
using Lucene.Net.Index;
using Lucene.Net.Search;

namespace Assistant.Search.Indexing;

/// <summary>Ranks catalog entries for the features of one normalized query. Thread-safe.</summary>
public sealed class ServiceSearcher(ServiceIndex index, ServiceCatalog catalog, SearchOptions options)
{
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
            foreach (var doc in docs)
            {
                var id = searcher.Doc(doc.Doc).Get(IndexFields.Id, System.Globalization.CultureInfo.InvariantCulture);
                if (catalog.Find(id) is not { } service)
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
