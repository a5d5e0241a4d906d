using Assistant.Search;
using Assistant.Search.Understanding;

namespace Assistant.Api.Evaluation;

/// <summary>The assistant's understanding services, built in process without the web server, as the server builds them.</summary>
internal sealed class EvalHost(ServiceProvider provider) : IDisposable
{
    public SearchResources Resources => provider.GetRequiredService<SearchResources>();

    public SearchOptions SearchOptions => provider.GetRequiredService<Microsoft.Extensions.Options.IOptions<SearchOptions>>().Value;

    public CatalogSearch Search => provider.GetRequiredService<CatalogSearch>();

    public QueryUnderstander Understander => provider.GetRequiredService<QueryUnderstander>();

    public static EvalHost Create(IReadOnlyDictionary<string, string?> overrides)
    {
        var configuration = new ConfigurationBuilder()
            .SetBasePath(AppContext.BaseDirectory)
            .AddJsonFile("appsettings.json", optional: true)
            .AddEnvironmentVariables()
            .AddInMemoryCollection(overrides)
            .Build();
        var services = new ServiceCollection()
            .AddLogging(b => b.AddConfiguration(configuration.GetSection("Logging")).AddSimpleConsole(o => o.SingleLine = true)
                .AddFilter(level => level >= LogLevel.Warning))
            .AddAssistantSearch(configuration);
        services.Configure<Microsoft.Extensions.Logging.Console.ConsoleLoggerOptions>(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
        return new EvalHost(services.BuildServiceProvider());
    }

    public void Dispose() => provider.Dispose();
}
