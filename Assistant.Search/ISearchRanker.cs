using Assistant.Search.Indexing;

namespace Assistant.Search;

/// <summary>Re-ranks Lucene's hits for a query with more evidence (the intent classifier); see FusedSearchRanker.</summary>
public interface ISearchRanker
{
    /// <summary>How many Lucene hits the ranker wants to read.</summary>
    int Depth { get; }

    IReadOnlyList<ServiceHit> Rank(AnalyzedQuery analyzed, IReadOnlyList<ServiceHit> luceneHits, int top);
}
