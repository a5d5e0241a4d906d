using Assistant.Search;
using Assistant.Search.Indexing;
using Assistant.Search.Text;
using Lucene.Net.Index;
using Lucene.Net.Search;

/// <summary>
/// Times the parts of <see cref="ServiceSearcher.Search"/> separately (Lucene query vs. loading stored documents), to
/// tell where per-query time goes (stored-field loading: the cost ServiceSearcher paid per hit before its id array). The query is rebuilt here the way ServiceSearcher builds it: the field names and
/// boosts are copied from Assistant.Search's internal IndexFields, so keep them in step when those change.
/// </summary>
internal sealed class SearchBreakdown(ServiceIndex index, CatalogSearch search)
{
    /// <summary>How many documents ServiceSearcher reads for the default top 5 (top * 4 + 20).</summary>
    public const int Fetched = 5 * 4 + 20;

    private static readonly (string Field, float Boost)[] s_words = [("name_w", 3.0f), ("alias_w", 2.5f), ("kw_w", 2.0f), ("desc_w", 0.6f)];
    private static readonly (string Field, float Boost)[] s_bigrams = [("name_bi", 1.2f), ("alias_bi", 1.2f)];
    private readonly Dictionary<string, (TextFeatures Features, int[] Docs)> _prepared = [];

    /// <summary>Mean number of term clauses per prepared query (each costs a term lookup and a BM25 weight).</summary>
    public double MeanClauses => _prepared.Values.Average(p => Build(p.Features).Clauses.Count);

    public void QueryOnly(string text)
    {
        var query = Build(Prepare(text).Features);    // features precomputed: analysis is timed on its own
        WithSearcher(s => s.Search(query, Fetched));
    }

    public void LoadOnly(string text)
    {
        var docs = Prepare(text).Docs;
        WithSearcher(s =>
        {
            foreach (var doc in docs)
            {
                _ = s.Doc(doc).Get("id", System.Globalization.CultureInfo.InvariantCulture);
            }

            return 0;
        });
    }

    public void Searcher(string text) => search.Searcher.Search(Prepare(text).Features, null, 5);

    private (TextFeatures Features, int[] Docs) Prepare(string text)
    {
        if (!_prepared.TryGetValue(text, out var prepared))
        {
            var features = search.Analyzer.Analyze(text).Features;
            var query = Build(features);
            var docs = WithSearcher(s => s.Search(query, Fetched).ScoreDocs.Select(d => d.Doc).ToArray());
            _prepared[text] = prepared = (features, docs);
        }

        return prepared;
    }

    private T WithSearcher<T>(Func<IndexSearcher, T> run)
    {
        var searcher = index.Searchers.Acquire();
        try
        {
            return run(searcher);
        }
        finally
        {
            index.Searchers.Release(searcher);
        }
    }

    private static BooleanQuery Build(TextFeatures features)
    {
        var boolean = new BooleanQuery(disableCoord: false);
        foreach (var word in features.Words)
        {
            foreach (var (field, boost) in s_words)
            {
                boolean.Add(new TermQuery(new Term(field, word)) { Boost = boost }, Occur.SHOULD);
            }
        }

        foreach (var bigram in features.Bigrams.Distinct(StringComparer.Ordinal))
        {
            foreach (var (field, boost) in s_bigrams)
            {
                boolean.Add(new TermQuery(new Term(field, bigram)) { Boost = boost }, Occur.SHOULD);
            }
        }

        foreach (var syllables in features.Pinyin.Distinct(StringComparer.Ordinal))
        {
            boolean.Add(new TermQuery(new Term("py", syllables)) { Boost = 0.8f }, Occur.SHOULD);
        }

        return boolean;
    }
}
