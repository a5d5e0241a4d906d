using Assistant.Search.Catalog;
using Assistant.Search.Indexing;

namespace Assistant.Search.Understanding;

/// <summary>
/// Classifier probabilities plus a distribution over the search hits, normalized to sum to one. Shared by the
/// understanding step and the fused ranking of <c>/api/search</c>, so both rank services the same way (except that the
/// understanding step drops long-tail items on a weak search match, <see cref="DecisionPolicy.LongTailMinimumHit"/>,
/// while <c>/api/search</c>, a list to browse, keeps them).
/// </summary>
public static class EvidenceFusion
{
    public static Dictionary<string, double> Fuse(IReadOnlyList<(string Label, float Probability)> predicted,
        IReadOnlyList<ServiceHit> hits, DecisionPolicy with)
    {
        var fused = predicted.ToDictionary(p => p.Label, p => (double)p.Probability, StringComparer.Ordinal);
        if (hits.Count > 0 && (with.SearchWeight > 0 || with.LongTailWeight > 0))
        {
            // Search adds a distribution over the services it found, weighted by how strong its best match is, so a
            // weak match cannot outvote the classifier and a strong one reaches long-tail items the classifier never saw.
            var best = hits[0].Score;
            var strength = 1 / (1 + Math.Exp(-(best - with.SearchMidpoint) / Math.Max(1, with.SearchMidpoint / 4)));
            var weights = hits.Select(h => Math.Exp((h.Score - best) / with.SearchTemperature)).ToList();
            var total = weights.Sum();
            for (var i = 0; i < hits.Count; i++)
            {
                var service = hits[i].Service;
                var weight = service.IsCore ? with.SearchWeight : with.LongTailWeight;
                fused[service.Id] = fused.GetValueOrDefault(service.Id) + weight * strength * weights[i] / total;
            }
        }

        var sum = fused.Values.Sum();
        foreach (var key in fused.Keys.ToList())
        {
            fused[key] /= sum;
        }

        return fused;
    }

    /// <summary>The fused labels best first, each with its catalog entry (null for non-service intents).</summary>
    public static IEnumerable<(string Label, double Score, ServiceEntry? Service)> Ranked(Dictionary<string, double> fused,
        ServiceCatalog catalog, int top) =>
        fused.OrderByDescending(p => p.Value).Take(top).Select(p => (p.Key, p.Value, catalog.Find(p.Key)));
}
