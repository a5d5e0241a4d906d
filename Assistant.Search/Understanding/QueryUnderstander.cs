using Assistant.Search.Indexing;
using Assistant.Search.Intents;
using Assistant.Search.Text;

namespace Assistant.Search.Understanding;

/// <summary>
/// The understanding step: classifier probabilities fused with search scores into one ranked list with a confidence,
/// a decision (answer / clarify / out of scope) and the places (province, and for transfers the handling province).
/// </summary>
public sealed class QueryUnderstander(CatalogSearch search, IntentClassifier classifier, DecisionPolicy policy)
{
    /// <summary>How many search hits the fusion reads (also used by the fused ranking of <c>/api/search</c>).</summary>
    public const int SearchDepth = 10;
    private const int MaxClarify = 4;

    /// <summary>Clauses read on their own at most: a long out-of-scope text costs one analysis per clause.</summary>
    private const int MaxClauses = 4;

    /// <summary>An item counts as matched when it scores at least this share of the best item: the titles that say
    /// what was asked (烟草专卖零售许可证新办 258) and not those sharing a word or two (烟花爆竹经营许可证 53).</summary>
    private const double ItemShareOfBest = 0.5;

    public DecisionPolicy Policy => policy;

    public CatalogSearch Search => search;

    public Understanding Understand(string text) => Understand(text, policy);

    /// <summary>Understands with another policy (used when tuning the policy on the dev set).</summary>
    public Understanding Understand(string text, DecisionPolicy with)
    {
        var evidence = Gather(text);
        return Decide(evidence, with);
    }

    /// <summary>The expensive part (analysis, classifier, search), separate from the cheap decision for tuning.</summary>
    public Evidence Gather(string text)
    {
        var analyzed = search.Analyzer.Analyze(text);
        var predicted = classifier.Predict(analyzed.IntentFeatures);
        var hits = search.Searcher.Search(analyzed.Features, analyzed.Location?.ProvinceCode, SearchDepth);
        return new Evidence(text, analyzed, predicted, hits, new Lazy<IReadOnlyList<Evidence>>(() => GatherClauses(analyzed)));
    }

    /// <summary>Each clause of a text of several (<see cref="Clauses"/>) that asks
    /// for something (<see cref="RequestCues"/>), the last <see cref="MaxClauses"/> at most, as requests come last, on its
    /// own: gathered only when the whole text is out of scope, and once. A clause is searched in the province of the whole
    /// text, like the text itself.</summary>
    private IReadOnlyList<Evidence> GatherClauses(AnalyzedQuery analyzed)
    {
        var clauses = Clauses.Split(analyzed.Normalized.Canonical);
        var province = analyzed.Location?.ProvinceCode;
        return clauses.Count < 2 ? [] : [.. clauses.Where(search.Resources.RequestCues.Asks).TakeLast(MaxClauses).Select(clause =>
        {
            var part = search.Analyzer.Analyze(clause);
            var hits = search.Searcher.Search(part.Features, province, SearchDepth);
            return new Evidence(clause, part, classifier.Predict(part.IntentFeatures), hits, s_noClauses);
        })];
    }

    private static readonly Lazy<IReadOnlyList<Evidence>> s_noClauses = new(() => []);

    /// <summary>The rankings of the clauses, computed only as far as they are read.</summary>
    public IEnumerable<IReadOnlyList<Candidate>> RankClauses(Evidence evidence, DecisionPolicy with)
    {
        foreach (var clause in evidence.Clauses.Value)
        {
            yield return Rank(clause, with);
        }
    }

    public Understanding Decide(Evidence evidence, DecisionPolicy with)
    {
        var (decision, top, candidates) = Choose(Rank(evidence, with), RankClauses(evidence, with), with);
        var label = decision == Decision.OutOfScope ? Understanding.OutOfScopeLabel : top.Label;
        var catalog = search.Resources.Catalog;
        var service = top.IsService ? catalog.Find(top.Label) : null;
        var analyzed = evidence.Analyzed;
        var (province, toProvince) = PlaceRoles.Resolve(analyzed.Normalized.Canonical, analyzed.Places, service?.TransferSide,
            service?.HandledWhereInsured ?? false);
        // The most specific place's city, unless the province chosen is another place's (冰城的医保 … 三亚: 23, not Sanya).
        var city = analyzed.Location?.ProvinceCode == province ? analyzed.Location?.CityCode : null;
        return new Understanding(evidence.Text, analyzed.Normalized.Core, analyzed.Features.Words, label, top.Score, decision,
            candidates, province, city, toProvince, MatchedItems(evidence.Hits, with));
    }

    /// <summary>Provincial items whose own search score reaches <see cref="DecisionPolicy.LongTailMinimumHit"/> and
    /// <see cref="ItemShareOfBest"/> of the best item's, best first.</summary>
    private static List<MatchedItem> MatchedItems(IReadOnlyList<Indexing.ServiceHit> hits, DecisionPolicy with)
    {
        var items = hits.Where(h => !h.Service.IsCore && h.Score >= with.LongTailMinimumHit).OrderByDescending(h => h.Score).ToList();
        return [.. items.Where(h => h.Score >= items[0].Score * ItemShareOfBest)
            .Select(h => new MatchedItem(h.Service.Id, h.Service.Name, h.Service.Province, Math.Round(h.Score, 1)))];
    }

    /// <summary>The fused ranking: depends only on the fusion settings of <paramref name="with"/> (weights, temperature,
    /// midpoint, the long-tail minimum hit), so the tuner computes it once per fusion setting and tries every threshold
    /// on it.</summary>
    public IReadOnlyList<Candidate> Rank(Evidence evidence, DecisionPolicy with)
    {
        var fused = EvidenceFusion.Fuse(evidence.Predicted, evidence.Hits, with);
        // Long-tail items have no evidence but search: on a weak match they are no candidates (see LongTailMinimumHit).
        var strongMatch = evidence.Hits.Count > 0 && evidence.Hits[0].Score >= with.LongTailMinimumHit;
        return [.. EvidenceFusion.Ranked(fused, search.Resources.Catalog, strongMatch ? SearchDepth : fused.Count)
            .Where(r => strongMatch || r.Service is not { IsCore: false })
            .Take(SearchDepth)
            .Select(r => new Candidate(r.Label, r.Service?.Name, Math.Round(r.Score, 4), r.Service is not null))];
    }

    /// <summary>
    /// The decision on the whole text, unless it is out of scope and one of its clauses alone is a service answered with
    /// at least <see cref="DecisionPolicy.ClauseMinimum"/>: a request said in one clause is not drowned by the story
    /// around it (二七广场附近的商场上班，失业了怎么登记: the whole is out of scope at 0.74, 失业了怎么登记 alone is
    /// unemployment registration at 0.96). Clauses are ranked only when the whole is out of scope.
    /// </summary>
    public static (Decision Decision, Candidate Top, IReadOnlyList<Candidate> Candidates) Choose(IReadOnlyList<Candidate> ranked,
        IEnumerable<IReadOnlyList<Candidate>> clauses, DecisionPolicy with)
    {
        var whole = Choose(ranked, with);
        if (whole.Decision != Decision.OutOfScope || with.ClauseMinimum <= 0)
        {
            return whole;
        }

        (Decision Decision, Candidate Top, IReadOnlyList<Candidate> Candidates)? best = null;
        foreach (var clause in clauses)
        {
            var part = Choose(clause, with);
            if (part.Decision == Decision.Answer && part.Top.IsService && part.Top.Score >= with.ClauseMinimum
                && (best is null || part.Top.Score > best.Value.Top.Score))
            {
                best = part;
            }
        }

        return best ?? whole;
    }

    /// <summary>The decision on a fused ranking by the thresholds of <paramref name="with"/>, the best candidate left once
    /// a weak out-of-scope label is set aside, and the candidates to show (for a clarification, the services to offer).</summary>
    public static (Decision Decision, Candidate Top, IReadOnlyList<Candidate> Candidates) Choose(IReadOnlyList<Candidate> ranked,
        DecisionPolicy with)
    {
        var list = ranked;
        if (list[0].Label == Understanding.OutOfScopeLabel && list[0].Score < with.OutOfScopeMinimum && list.Count > 1)
        {
            list = list.Skip(1).ToList();
        }

        var top = list[0];
        var decision = top.Label == Understanding.OutOfScopeLabel || top.Score < with.MinConfidence
            ? Decision.OutOfScope
            : top.IsService && list.Count > 1 && list[1].IsService && TooClose(top.Score, list[1].Score, with)
                ? Decision.Clarify
                : Decision.Answer;
        if (decision == Decision.Clarify)
        {
            // Offer every service about as likely as the second one, so the citizen sees the real alternatives.
            var floor = Math.Min(list[1].Score, top.Score - with.ClarifyMargin) * 0.5;
            list = [.. list.Where(c => c.IsService && c.Score >= floor).Take(MaxClarify)];
        }

        return (decision, top, list);
    }

    /// <summary>
    /// Two services are too close to pick one: within the margin, or — when the best is not confident — the second has
    /// at least a set share of the first.
    /// </summary>
    private static bool TooClose(double top, double second, DecisionPolicy with) =>
        top - second < with.ClarifyMargin || (top < with.ClarifyBelow && second >= with.ClarifyRatio * top);
}

/// <summary>The raw evidence for one text: analysis, classifier probabilities and search hits.</summary>
public sealed record Evidence(string Text, AnalyzedQuery Analyzed, IReadOnlyList<(string Label, float Probability)> Predicted,
    IReadOnlyList<ServiceHit> Hits, Lazy<IReadOnlyList<Evidence>> Clauses);
