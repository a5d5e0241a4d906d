using System.Collections.Concurrent;
using Lucene.Net.Index;
using Lucene.Net.Search;

namespace Assistant.Search.Indexing;

/// <summary>
/// The boosted term queries one index searcher can answer, made once per (field, word) and then reused by every search.
/// A word the field does not hold gets no clause at all: under BM25 coord and query norm are 1, so such a clause adds
/// nothing to any score, yet each one cost a term-dictionary seek, a weight and a scorer with its buffers per query.
/// Terms with short postings (all of the catalog's) become <see cref="PrecomputedTermQuery"/>; a very common term of a
/// huge catalog stays a <see cref="TermQuery"/> that carries its looked-up <see cref="TermContext"/>.
/// </summary>
internal sealed class QueryTerms(IndexSearcher searcher)
{
    /// <summary>Longest postings list held in memory per term (4 bytes a document and 4 for its frequency).</summary>
    public const int MaxPrecomputedPostings = 16_384;

    /// <summary>Postings held in memory over all terms; past it, terms become plain <see cref="TermQuery"/>s. The full
    /// catalog's whole vocabulary needs a few MB; a catalog of millions cannot fill memory with varied queries.</summary>
    public const long MaxPrecomputedPostingsTotal = 8_000_000;

    // Misses are remembered too (the same filler words come back in every query), but only this many: citizens' text
    // is unbounded, and a term that is looked up again after the cap is full is still answered correctly.
    private const int MaxRememberedMisses = 50_000;
    private readonly ConcurrentDictionary<(string Field, string Text), Query?> _queries = new();
    private int _misses;
    private long _postings;

    /// <summary>The query for <paramref name="text"/> in <paramref name="field"/> with the field's boost, or null when
    /// no document has it. The boost must be the same for every call with the same field.</summary>
    public Query? Find(string field, string text, float boost)
    {
        if (_queries.TryGetValue((field, text), out var known))
        {
            return known;
        }

        var query = Create(new Term(field, text), boost);
        if (query is not null || (Volatile.Read(ref _misses) < MaxRememberedMisses && Interlocked.Increment(ref _misses) <= MaxRememberedMisses))
        {
            _queries.TryAdd((field, text), query);
        }

        return query;
    }

    private Query? Create(Term term, float boost)
    {
        var states = TermContext.Build(searcher.TopReaderContext, term);
        if (states.DocFreq == 0)
        {
            return null;
        }

        return states.DocFreq <= MaxPrecomputedPostings && Interlocked.Add(ref _postings, states.DocFreq) <= MaxPrecomputedPostingsTotal
            ? new PrecomputedTermQuery(searcher, term, states, boost)
            : new TermQuery(term, states) { Boost = boost };
    }
}
