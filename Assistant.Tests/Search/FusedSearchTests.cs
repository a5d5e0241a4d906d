using Assistant.Search;
using Assistant.Search.Indexing;
using Assistant.Search.Understanding;
using Xunit.Abstractions;

namespace Assistant.Tests.Search;

/// <summary>The fused ranking of /api/search: the classifier's evidence on top of Lucene's, long-tail items still found.</summary>
[Collection(AssistantGroup.Name)]
public sealed class FusedSearchTests(AssistantFixture fixture, ITestOutputHelper output)
{
    private CatalogSearch Fused { get; } = new(fixture.Resources,
        new ServiceSearcher(fixture.Index, fixture.Resources.Catalog, new SearchOptions()),
        new FusedSearchRanker(fixture.Classifier, DecisionPolicy.Load(AssistantFixture.DataPath), fixture.Resources.Catalog));

    [Theory]
    [InlineData("宝宝出生了怎么上户口", "newborn-hukou")]
    [InlineData("我身份证丢了", "id-card-reissue")]
    [InlineData("公鸡金提取", "provident-fund-withdrawal")]
    public void FusedRankingPutsTheServiceFirstWithAProbabilityScore(string query, string expected)
    {
        var hits = Fused.Search(query).Hits;

        Assert.Equal(expected, hits[0].Hit.Service.Id);
        Assert.InRange(hits[0].Hit.Score, 0.01f, 1f);
        Assert.True(hits.Zip(hits.Skip(1)).All(p => p.First.Hit.Score >= p.Second.Hit.Score), "scores must be in descending order");
    }

    [Fact]
    public void LongTailItemsNamedByTheirTitleStayInTheTopThree()
    {
        // Arrange: every 40th long-tail item of both provincial lists (about 80), asked for by its title in its province
        var items = fixture.Resources.Catalog.Services.Where(s => !s.IsCore).Where((_, i) => i % 40 == 0).ToList();

        // Act
        double Rate(CatalogSearch search) => items.Count(i => search.Search(i.Name, i.Province, 3).Hits.Any(h => h.Hit.Service.Id == i.Id))
            / (double)items.Count;
        var lucene = Rate(fixture.Search);
        var fused = Rate(Fused);
        output.WriteLine($"{items.Count} long-tail items in the top 3: Lucene {lucene:0.000}, fused {fused:0.000}");

        // Assert: fusing may cost a few items to a confident core service, never most of them
        Assert.True(fused >= lucene - 0.05, $"fused {fused:0.000} vs Lucene {lucene:0.000}");
    }

    [Fact]
    public void WithoutARankerTheOrderIsLucenes()
    {
        const string Text = "社保卡丢了怎么补";
        var hits = fixture.Search.Search(Text, top: 5).Hits.Select(h => h.Hit).ToList();
        var lucene = fixture.Search.Searcher.Search(fixture.Search.Analyzer.Analyze(Text).Features, null, 5);

        Assert.False(fixture.Search.IsFused);
        Assert.True(Fused.IsFused);
        Assert.Equal(lucene.Select(h => (h.Service.Id, h.Score)), hits.Select(h => (h.Service.Id, h.Score)));
        Assert.Contains(hits, h => h.Score > 1);   // BM25 scores, not probabilities
    }
}
