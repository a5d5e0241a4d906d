using System.Text.Json;
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

    public static TheoryData<string> Queries()
    {
        var data = new TheoryData<string>();
        foreach (var line in File.ReadLines(Path.Combine(AssistantFixture.DataPath, "eval", "dev.jsonl")).Where(l => l.StartsWith('{')).Take(40))
        {
            data.Add(JsonDocument.Parse(line).RootElement.GetProperty("text").GetString()!);
        }

        data.Add("申份证丢了在杭州补");
        return data;
    }

    [Theory]
    [MemberData(nameof(Queries))]
    public void ScoresEqualThePlainTermQueriesIncludingTermsTheIndexLacks(string text)
    {
        WithSearcher(searcher =>
        {
            var built = fixture.Search.Searcher.Query(fixture.Search.Analyzer.Analyze(text).Features, searcher);
            var plain = new BooleanQuery(disableCoord: true);
            foreach (var clause in built.Clauses)
            {
                plain.Add(Plain(clause.Query), Occur.SHOULD);
            }

            foreach (var field in Fields(built))
            {
                plain.Add(new TermQuery(new Term(field, AbsentWord)) { Boost = 2f }, Occur.SHOULD);
            }

            AssertSameScores(searcher, plain, built);
        });
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
        var got = searcher.Search(actual, 60).ScoreDocs;

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

    private static Term TermOf(Query query)
    {
        var terms = new HashSet<Term>();
        query.ExtractTerms(terms);
        return Assert.Single(terms);
    }

    private static IEnumerable<string> Fields(BooleanQuery query) => query.Clauses.Select(c => TermOf(c.Query).Field).Distinct();

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
