using Assistant.Search.Indexing;
using Assistant.Search.Intents;
using Assistant.Search.Understanding;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Assistant.Search;

/// <summary>Registers the catalog, the text pipeline and the Lucene index as singletons.</summary>
public static class SearchServiceCollectionExtensions
{
    public static IServiceCollection AddAssistantSearch(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<SearchOptions>().Bind(configuration.GetSection(SearchOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton(sp =>
        {
            var options = sp.GetRequiredService<IOptions<SearchOptions>>().Value;
            return SearchResources.Load(options.ResolveDataPath(), options.Segmenter);
        });
        services.AddSingleton(sp =>
        {
            var options = sp.GetRequiredService<IOptions<SearchOptions>>().Value;
            var resources = sp.GetRequiredService<SearchResources>();
            var builder = new ServiceIndexBuilder(resources.Features, resources.Normalizer);
            var root = options.InMemoryIndex ? null : Path.Combine(options.ResolveArtifactsPath(), "index");
            return ServiceIndex.Open(resources.Catalog, builder, root, resources.Fingerprint);
        });
        services.AddSingleton(sp => new ServiceSearcher(sp.GetRequiredService<ServiceIndex>(),
            sp.GetRequiredService<SearchResources>().Catalog, sp.GetRequiredService<IOptions<SearchOptions>>().Value));
        services.AddSingleton(sp =>
        {
            var options = sp.GetRequiredService<IOptions<SearchOptions>>().Value;
            var resources = sp.GetRequiredService<SearchResources>();
            var ranker = options.FusedRanking
                ? new FusedSearchRanker(sp.GetRequiredService<IntentClassifier>(), sp.GetRequiredService<DecisionPolicy>(), resources.Catalog)
                : null;
            return new CatalogSearch(resources, sp.GetRequiredService<ServiceSearcher>(), ranker);
        });
        services.AddSingleton(sp =>
        {
            var options = sp.GetRequiredService<IOptions<SearchOptions>>().Value;
            var logger = sp.GetRequiredService<ILoggerFactory>().CreateLogger<IntentClassifier>();
            return IntentModelStore.LoadOrTrain(sp.GetRequiredService<SearchResources>(),
                options.InMemoryIndex ? null : options.ResolveArtifactsPath(), logger, options.IntentModelSeed);
        });
        services.AddSingleton(sp => DecisionPolicy.Load(sp.GetRequiredService<SearchResources>().DataPath));
        services.AddSingleton<QueryUnderstander>();
        return services;
    }
}
