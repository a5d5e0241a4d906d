using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Search.Similarities;
using Lucene.Net.Util;

namespace Assistant.Search.Indexing;

/// <summary>
/// A term query whose postings and BM25 term weight are computed once per index reader and then shared by every
/// search: it scores exactly like <see cref="TermQuery"/> (same similarity, statistics and norms) but a search no longer
/// opens a terms enumerator and a postings decoder with their buffers for each clause, nor fills BM25's 256-entry norm
/// table per clause. Those buffers were most of what a query allocated, and with them most of its garbage collections.
/// Built by <see cref="QueryTerms"/>; only for terms with short postings, which the catalog's terms are.
/// </summary>
internal sealed class PrecomputedTermQuery : Query
{
    private readonly Term _term;
    private readonly TermContext _states;
    private readonly CollectionStatistics _collection;
    private readonly TermStatistics _statistics;
    private readonly Similarity _similarity;
    private readonly Similarity.SimWeight _normalized;
    private readonly float _normalizedBoost;
    private readonly Postings?[] _postings;

    public PrecomputedTermQuery(IndexSearcher searcher, Term term, TermContext states, float boost)
    {
        _term = term;
        _states = states;
        Boost = boost;
        _similarity = searcher.Similarity;
        _collection = searcher.CollectionStatistics(term.Field);
        _statistics = searcher.TermStatistics(term, states);
        // Normalized the way a top-level BooleanQuery normalizes its clauses under BM25 (query norm 1, boost 1).
        _normalized = Weigh(1f, 1f);
        _normalizedBoost = boost;
        _postings = [.. searcher.IndexReader.Leaves.Select(leaf => Postings.Read(leaf, term, states))];
    }

    public Term Term => _term;

    public override Weight CreateWeight(IndexSearcher searcher) => new PrecomputedWeight(this, searcher);

    public override void ExtractTerms(ISet<Term> terms) => terms.Add(_term);

    public override string ToString(string field) =>
        (_term.Field == field ? "" : _term.Field + ":") + _term.Text + ToStringUtils.Boost(Boost);

    public override bool Equals(object? obj) => obj is PrecomputedTermQuery other && other._term.Equals(_term) && other.Boost == Boost;

    public override int GetHashCode() => HashCode.Combine(_term, Boost);

    private Similarity.SimWeight Weigh(float queryNorm, float topLevelBoost)
    {
        var weight = _similarity.ComputeWeight(Boost, _collection, _statistics);
        weight.Normalize(queryNorm, topLevelBoost);
        return weight;
    }

    /// <summary>One leaf's postings of the term: ascending document ids and their term frequencies.</summary>
    private sealed record Postings(int[] Docs, int[] Frequencies)
    {
        public static Postings? Read(AtomicReaderContext leaf, Term term, TermContext states)
        {
            if (states.Get(leaf.Ord) is not { } state || leaf.AtomicReader.GetTerms(term.Field) is not { } terms)
            {
                return null;
            }

            var termsEnum = terms.GetEnumerator();
            termsEnum.SeekExact(term.Bytes, state);
            var docsEnum = termsEnum.Docs(null, null, DocsFlags.FREQS);
            var docs = new List<int>(termsEnum.DocFreq);
            var frequencies = new List<int>(termsEnum.DocFreq);
            for (var doc = docsEnum.NextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = docsEnum.NextDoc())
            {
                docs.Add(doc);
                frequencies.Add(docsEnum.Freq);
            }

            return new Postings([.. docs], [.. frequencies]);
        }
    }

    private sealed class PrecomputedWeight(PrecomputedTermQuery query, IndexSearcher searcher) : Weight
    {
        private Similarity.SimWeight _weight = query._normalized;

        public override Query Query => query;

        public override float GetValueForNormalization() => _weight.GetValueForNormalization();

        public override void Normalize(float norm, float topLevelBoost)
        {
            // The shared weight for the usual case; any other normalization, or a boost changed since (a rewritten clone),
            // gets a weight of its own.
            _weight = norm == 1f && topLevelBoost == 1f && query.Boost == query._normalizedBoost
                ? query._normalized
                : query.Weigh(norm, topLevelBoost);
        }

        public override Scorer? GetScorer(AtomicReaderContext context, IBits? acceptDocs) =>
            query._postings[context.Ord] is { } postings
                ? new ArrayScorer(this, postings, query._similarity.GetSimScorer(_weight, context), acceptDocs)
                : null;

        public override Explanation Explain(AtomicReaderContext context, int doc)
        {
            var plain = new TermQuery(query._term, query._states) { Boost = query.Boost }.CreateWeight(searcher);
            plain.Normalize(1f, 1f);
            return plain.Explain(context, doc);
        }
    }

    private sealed class ArrayScorer(Weight weight, Postings postings, Similarity.SimScorer scorer, IBits? acceptDocs)
        : Scorer(weight)
    {
        private int _index = -1;
        private int _doc = -1;

        public override int DocID => _doc;

        public override int Freq => postings.Frequencies[_index];

        public override float GetScore() => scorer.Score(_doc, postings.Frequencies[_index]);

        public override int NextDoc()
        {
            while (++_index < postings.Docs.Length)
            {
                if (acceptDocs is null || acceptDocs.Get(postings.Docs[_index]))
                {
                    return _doc = postings.Docs[_index];
                }
            }

            return _doc = NO_MORE_DOCS;
        }

        public override int Advance(int target)
        {
            if (_index + 1 >= postings.Docs.Length)
            {
                _index = postings.Docs.Length;
                return _doc = NO_MORE_DOCS;
            }

            var found = Array.BinarySearch(postings.Docs, Math.Max(_index + 1, 0), postings.Docs.Length - Math.Max(_index + 1, 0), target);
            _index = (found >= 0 ? found : ~found) - 1;
            return NextDoc();
        }

        public override long GetCost() => postings.Docs.Length;
    }
}
