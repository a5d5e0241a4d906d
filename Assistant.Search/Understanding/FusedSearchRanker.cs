using Assistant.Search.Catalog;
using Assistant.Search.Indexing;
using Assistant.Search.Intents;

namespace Assistant.Search.Understanding;

/// <summary>
/// Ranks <c>/api/search</c> results by the same fused evidence as the understanding step: the classifier's probability
/// of each core service plus Lucene's distribution over its hits. Long-tail provincial items, which the classifier never
/// saw, keep their search share, so a query that names one still finds it when the classifier is unsure.
/// Scores are fused probabilities (0..1), not BM25.
/// </summary>
public sealed class FusedSearchRanker(IntentClassifier classifier, DecisionPolicy policy, ServiceCatalog catalog) : ISearchRanker
{
    public int Depth => QueryUnderstander.SearchDepth;

    public IReadOnlyList<ServiceHit> Rank(AnalyzedQuery analyzed, IReadOnlyList<ServiceHit> luceneHits, int top)
    {
        var predicted = classifier.Predict(analyzed.IntentFeatures);
        var fused = EvidenceFusion.Fuse(predicted, luceneHits, policy);
        var byId = luceneHits.ToDictionary(h => h.Service.Id, StringComparer.Ordinal);
        // Non-service intents (greeting, out_of_scope …) take no place in a search result.
        return [.. EvidenceFusion.Ranked(fused, catalog, int.MaxValue)
            .Where(r => r.Service is not null)
            .Take(top)
            .Select(r => byId.TryGetValue(r.Label, out var hit)
                ? hit with { Score = (float)r.Score }
                : new ServiceHit(r.Service!, (float)r.Score, ServiceSearcher.Matched(r.Service!, analyzed.Features)))];
    }
}
