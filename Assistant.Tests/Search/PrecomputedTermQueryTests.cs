using System.Text.Json;
using Assistant.Search.Indexing;
using Assistant.Search.Text;
using Lucene.Net.Index;
using Lucene.Net.Search;

namespace Assistant.Tests.Search;

/// <summary>
/// ServiceSearcher's query reuses per-term postings and BM25 weights and leaves out terms the index lacks; it must rank
/// exactly like the plain Lucene query of every term, scored by TermQuery.
/// </summary>
[Collection(AssistantGroup.Name)]
public sealed class PrecomputedTermQueryTests(AssistantFixture fixture)
{
    private const string AbsentWord = "这个词不在索引里";

    public static TheoryData<string> Queries() => [.. Texts()];

    private static IEnumerable<string> Texts() =>
        File.ReadLines(Path.Combine(AssistantFixture.DataPath, "eval", "dev.jsonl")).Where(l => l.StartsWith('{')).Take(40)
            .Select(line => JsonDocument.Parse(line).RootElement.GetProperty("text").GetString()!)
            .Append("申份证丢了在杭州补");

    [Theory]
    [MemberData(nameof(Queries))]
    public void ScoresEqualThePlainTermQueriesOfEveryWordIncludingThoseTheIndexLacks(string text)
    {
        WithSearcher(searcher =>
        {
            var features = fixture.Search.Analyzer.Analyze(text).Features;

            AssertSameScores(searcher, Plain(features), fixture.Search.Searcher.Query(features, searcher));
        });
    }

    [Fact]
    public void SearchesOnManyThreadsScoreAsOneThreadDoes()
    {
        var texts = Texts().ToList();
        var expected = texts.Select(t => Scores(fixture.Search.Search(t).Hits.Select(h => h.Hit))).ToList();

        var actual = new string[texts.Count * 4];
        Parallel.For(0, actual.Length, new ParallelOptions { MaxDegreeOfParallelism = 8 },
            i => actual[i] = Scores(fixture.Search.Search(texts[i % texts.Count]).Hits.Select(h => h.Hit)));

        for (var i = 0; i < actual.Length; i++)
        {
            Assert.Equal(expected[i % texts.Count], actual[i]);
        }
    }

    [Fact]
    public void AdvancingThroughRequiredClausesScoresLikeTermQueries()
    {
        WithSearcher(searcher =>
        {
            var built = fixture.Search.Searcher.Query(fixture.Search.Analyzer.Analyze("社保卡丢了怎么补办").Features, searcher);
            // Two clauses of one field that documents share: a conjunction advances each scorer to the other's document.
            var (first, second) = built.Clauses.SelectMany(a => built.Clauses.Select(b => (a.Query, b.Query)))
                .First(p => TermOf(p.Item1).Field == TermOf(p.Item2).Field && TermOf(p.Item1).Text != TermOf(p.Item2).Text
                    && searcher.Search(Both(Plain(p.Item1), Plain(p.Item2)), 1).TotalHits > 1);
            var required = Both(first, second);
            var plain = Both(Plain(first), Plain(second));

            AssertSameScores(searcher, plain, required);
        });
    }

    [Fact]
    public void ExplanationsGiveTheScore()
    {
        WithSearcher(searcher =>
        {
            var built = fixture.Search.Searcher.Query(fixture.Search.Analyzer.Analyze("补办身份证").Features, searcher);
            var top = searcher.Search(built, 1).ScoreDocs[0];

            AssertClose(top.Score, searcher.Explain(built, top.Doc).Value);
        });
    }

    private static void AssertSameScores(IndexSearcher searcher, Query expected, Query actual)
    {
        var want = searcher.Search(expected, 60).ScoreDocs;
        // Collected the way ServiceSearcher collects, so the scorer the assistant runs is the one checked.
        var collector = TopScoreDocCollector.Create(60, ServiceSearcher.ScoreInOrder(searcher));
        searcher.Search(actual, collector);
        var got = collector.GetTopDocs().ScoreDocs;

        Assert.NotEmpty(want);
        Assert.Equal(want.Length, got.Length);
        var gotByDoc = got.ToDictionary(d => d.Doc, d => d.Score);
        for (var i = 0; i < want.Length; i++)
        {
            AssertClose(want[i].Score, got[i].Score);    // ties may swap documents, never scores
            if (gotByDoc.TryGetValue(want[i].Doc, out var score))
            {
                AssertClose(want[i].Score, score);
            }
        }
    }

    // Sums of the same terms in another order differ in the last float bits.
    private static void AssertClose(float expected, float actual) =>
        Assert.True(Math.Abs(expected - actual) <= 1e-5f * Math.Abs(expected), $"expected {expected}, got {actual}");

    private static BooleanQuery Both(Query first, Query second) => new(disableCoord: true)
    {
        { first, Occur.MUST },
        { second, Occur.MUST },
    };

    private static TermQuery Plain(Query query) => new(TermOf(query)) { Boost = query.Boost };

    /// <summary>Every word, bigram and pinyin bigram in every field, as plain term queries: what ServiceSearcher asked
    /// Lucene before it reused queries and skipped terms the index lacks.</summary>
    private static BooleanQuery Plain(TextFeatures features)
    {
        var plain = new BooleanQuery(disableCoord: true);
        foreach (var word in features.Words)
        {
            foreach (var (field, boost) in IndexFields.WordFields)
            {
                plain.Add(new TermQuery(new Term(field, word)) { Boost = boost }, Occur.SHOULD);
            }
        }

        foreach (var bigram in features.Bigrams.Distinct(StringComparer.Ordinal))
        {
            foreach (var (field, boost) in IndexFields.BigramFields)
            {
                plain.Add(new TermQuery(new Term(field, bigram)) { Boost = boost }, Occur.SHOULD);
            }
        }

        foreach (var syllables in features.Pinyin.Distinct(StringComparer.Ordinal))
        {
            plain.Add(new TermQuery(new Term(IndexFields.Pinyin, syllables)) { Boost = IndexFields.PinyinBoost }, Occur.SHOULD);
        }

        plain.Add(new TermQuery(new Term(IndexFields.NameWords, AbsentWord)) { Boost = 2f }, Occur.SHOULD);
        return plain;
    }

    private static string Scores(IEnumerable<ServiceHit> hits) =>
        string.Join(' ', hits.Select(h => FormattableString.Invariant($"{h.Service.Id}:{h.Score:0.0000}")));

    private static Term TermOf(Query query)
    {
        var terms = new HashSet<Term>();
        query.ExtractTerms(terms);
        return Assert.Single(terms);
    }

    private void WithSearcher(Action<IndexSearcher> run)
    {
        var searcher = fixture.Index.Searchers.Acquire();
        try
        {
            run(searcher);
        }
        finally
        {
            fixture.Index.Searchers.Release(searcher);
        }
    }
}
