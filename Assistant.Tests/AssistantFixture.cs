using Assistant.Search;
using Assistant.Search.Indexing;
using Assistant.Search.Intents;
using Assistant.Search.Understanding;
using Microsoft.Extensions.Logging.Abstractions;

namespace Assistant.Tests;

/// <summary>
/// The real catalog, text tables, Lucene index (in memory) and trained intent model, built once for every test class in
/// the collection: the same components the server runs, from the same data/ folder.
/// </summary>
public sealed class AssistantFixture : IDisposable
{
    public AssistantFixture()
    {
        Resources = SearchResources.Load(DataPath);
        Index = ServiceIndex.Open(Resources.Catalog, new ServiceIndexBuilder(Resources.Features, Resources.Normalizer), null, "tests");
        Search = new CatalogSearch(Resources, new ServiceSearcher(Index, Resources.Catalog, new SearchOptions()));
        Classifier = IntentModelStore.LoadOrTrain(Resources, ArtifactsPath, NullLogger.Instance);
        Understander = new QueryUnderstander(Search, Classifier, DecisionPolicy.Load(DataPath));
    }

    public static string DataPath => Path.Combine(AppContext.BaseDirectory, "data");

    /// <summary>
    /// One artifacts folder shared by the fixture, every web host and later runs: the index and model inside are keyed by
    /// a hash of the data, so a change retrains while an unchanged tree reuses them (staging names keep writers apart).
    /// </summary>
    public static string ArtifactsPath { get; } = Path.Combine(Path.GetTempPath(), "assistant-tests-artifacts");

    public SearchResources Resources { get; }

    public ServiceIndex Index { get; }

    public CatalogSearch Search { get; }

    public IntentClassifier Classifier { get; }

    public QueryUnderstander Understander { get; }

    public void Dispose() => Index.Dispose();
}

[CollectionDefinition(Name)]
public sealed class AssistantGroup : ICollectionFixture<AssistantFixture>
{
    public const string Name = "assistant";
}
