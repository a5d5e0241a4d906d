using Microsoft.Extensions.DependencyInjection.Extensions;
using Assistant.Bot.Connector;
using Assistant.Bot.Dialogue;
using Assistant.Bot.Ratings;
using Assistant.Bot.Skills;
using Assistant.Bot.Storage;
using Assistant.Bot.Turns;
using Assistant.Search;
using Assistant.Search.Understanding;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.SemanticKernel;
using Npgsql;

namespace Assistant.Bot;

/// <summary>Registers the dialogue, its storage (SQLite by default, PostgreSQL when configured), skills and the channel plumbing.</summary>
public static class BotServiceCollectionExtensions
{
    public static IServiceCollection AddAssistantBot(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<BotOptions>().Bind(configuration.GetSection(BotOptions.Section));
        services.AddOptions<RatingOptions>().Bind(configuration.GetSection(RatingOptions.Section));
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<IBotStore>(sp =>
        {
            var postgres = configuration.GetConnectionString("Postgres");
            SqlDialect dialect = string.IsNullOrWhiteSpace(postgres)
                ? new SqliteDialect(sp.GetRequiredService<IOptions<BotOptions>>().Value.DatabasePath
                    ?? Path.Combine(sp.GetRequiredService<IOptions<SearchOptions>>().Value.ResolveArtifactsPath(), "assistant.db"))
                : new PostgresDialect(NpgsqlDataSource.Create(postgres));
            var store = new SqlBotStore(dialect);
            // Creating tables is quick and must happen before the first turn; start-up waits for it once.
            store.InitializeAsync(CancellationToken.None).GetAwaiter().GetResult();
            return store;
        });
        services.AddSingleton<RatingService>();
        services.AddSingleton<AssistantSkills>();
        services.AddAssistantModel(configuration);
        services.AddSingleton(sp =>
        {
            var kernel = new Kernel(sp);
            kernel.Plugins.AddFromObject(sp.GetRequiredService<AssistantSkills>(), AssistantSkills.PluginName);
            return kernel;
        });
        services.AddSingleton(sp => new SkillClient(sp.GetRequiredService<Kernel>()));
        services.AddSingleton(sp => new AssistantDialogue(sp.GetRequiredService<SkillClient>(),
            sp.GetRequiredService<SearchResources>().Catalog, sp.GetRequiredService<RatingService>(),
            sp.GetRequiredService<QueryUnderstander>().Policy, sp.GetRequiredService<IModelAssistant>()));
        services.AddSingleton<ConversationLocks>();
        services.AddSingleton<ITurnProcessor, BotTurnProcessor>();
        // No redirects: a 307/308 would repeat the POST to wherever the channel's answer points.
        services.AddHttpClient<ChannelReplySender>(http => http.Timeout = TimeSpan.FromSeconds(15))
            .ConfigurePrimaryHttpMessageHandler(() => new HttpClientHandler { AllowAutoRedirect = false });
        // One provider for the process: it holds the cached token (a typed client would be transient).
        services.AddHttpClient(nameof(ConnectorTokenProvider), http => http.Timeout = TimeSpan.FromSeconds(15));
        services.AddSingleton<ConnectorTokenProvider>();
        services.AddHttpClient(nameof(ChannelTokenValidator));
        services.AddSingleton<ChannelTokenValidator>();
        services.AddSingleton<ReplyDispatcher>();
        return services;
    }
}
