using Assistant.Search.Catalog;
using Assistant.Search.Indexing;
using Assistant.Search.Places;
using Assistant.Search.Text;

namespace Assistant.Search;

/// <summary>
/// The search pipeline: normalize → find places → segment → Lucene → (with a ranker) re-rank with the intent
/// classifier → the right page for the citizen's province.
/// </summary>
/// <param name="ranker">When given (the server registers the fused ranker unless <c>Search:FusedRanking</c> is false),
/// Lucene's hits are re-ranked with the classifier; without it the ranking is Lucene's alone.</param>
public sealed class CatalogSearch(SearchResources resources, ServiceSearcher searcher, ISearchRanker? ranker = null)
{
    private readonly QueryAnalyzer _analyzer = new(resources);

    public SearchResources Resources => resources;

    public ServiceSearcher Searcher => searcher;

    public QueryAnalyzer Analyzer => _analyzer;

    /// <summary>Whether results are re-ranked with the classifier (false: Lucene alone).</summary>
    public bool IsFused => ranker is not null;

    public SearchResult Search(string query, string? province = null, int top = 5)
    {
        var analyzed = _analyzer.Analyze(query);
        var location = analyzed.Location;
        var effectiveProvince = province ?? location?.ProvinceCode;
        var lucene = searcher.Search(analyzed.Features, effectiveProvince, ranker is null ? top : Math.Max(top, ranker.Depth));
        var ranked = ranker is null ? lucene : ranker.Rank(analyzed, lucene, top);
        var hits = ranked
            .Select(h => new PagedHit(h, resources.Catalog.PageFor(h.Service, effectiveProvince, location?.CityCode)))
            .ToList();
        return new SearchResult(query, analyzed.Normalized.Core, analyzed.Features.Words, location, hits);
    }
}

/// <summary>A query after normalization, place extraction and feature extraction.</summary>
/// <param name="Features">What search matches: the text without places and fillers.</param>
/// <param name="IntentFeatures">What the classifier reads: the text without places, fillers kept.</param>
public sealed record AnalyzedQuery(NormalizedText Normalized, IReadOnlyList<PlaceMention> Places, Location? Location,
    TextFeatures Features, TextFeatures IntentFeatures);

/// <summary>The province (two digits) and city (six digits) a text points to.</summary>
public sealed record Location(string ProvinceCode, string? CityCode, string? CountyCode)
{
    public static Location From(Division division) => division.Level switch
    {
        DivisionLevel.Province => new Location(division.ProvinceCode, null, null),
        DivisionLevel.City => new Location(division.ProvinceCode, division.Code, null),
        _ => new Location(division.ProvinceCode, division.CityCode, division.Code),
    };
}

/// <summary>A hit with the page to send the citizen to (null when the province is not known yet).</summary>
public sealed record PagedHit(ServiceHit Hit, ServicePage? Page);

public sealed record SearchResult(string Query, string Normalized, IReadOnlyList<string> Tokens, Location? Location,
    IReadOnlyList<PagedHit> Hits);
