using Assistant.Search;
using Assistant.Search.Indexing;
using Assistant.Search.Text;
using Lucene.Net.Search;

/// <summary>
/// Times the parts of <see cref="ServiceSearcher.Search"/> separately (Lucene query vs. loading stored documents), to
/// tell where per-query time goes (stored-field loading: the cost ServiceSearcher paid per hit before its id array).
/// </summary>
internal sealed class SearchBreakdown(ServiceIndex index, CatalogSearch search)
{
    /// <summary>How many documents ServiceSearcher reads for the default top 5 (top * 4 + 20).</summary>
    public const int Fetched = 5 * 4 + 20;

    private readonly Dictionary<string, (TextFeatures Features, int[] Docs)> _prepared = [];

    /// <summary>Mean number of term clauses per prepared query (each costs a term lookup and a BM25 weight).</summary>
    public double MeanClauses => _prepared.Values.Average(p => WithSearcher(s => search.Searcher.Query(p.Features, s).Clauses.Count));

    public void QueryOnly(string text)
    {
        var features = Prepare(text).Features;    // features precomputed: analysis is timed on its own
        WithSearcher(s => { var c = TopScoreDocCollector.Create(Fetched, ServiceSearcher.ScoreInOrder(s)); s.Search(search.Searcher.Query(features, s), c); return c.GetTopDocs(); });
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
            var docs = WithSearcher(s => s.Search(search.Searcher.Query(features, s), Fetched).ScoreDocs.Select(d => d.Doc).ToArray());
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
}
