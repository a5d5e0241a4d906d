using Assistant.Search;

namespace Assistant.Api;

/// <summary>Tells /health whether the catalog and index are loaded; the warm-up service sets it.</summary>
public sealed class Readiness
{
    private volatile string? _failure;
    private volatile bool _ready;

    public bool IsReady => _ready;

    public string? Failure => _failure;

    public TimeSpan StartUp { get; private set; }

    public void MarkReady(TimeSpan elapsed)
    {
        StartUp = elapsed;
        _ready = true;
    }

    public void MarkFailed(string reason) => _failure = reason;
}

/// <summary>Loads the catalog and opens (or builds) the index at start, off the request path.</summary>
internal sealed partial class WarmUpService(IServiceProvider services, Readiness readiness, ILogger<WarmUpService> logger) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) => Task.Run(async () =>
    {
        var watch = System.Diagnostics.Stopwatch.StartNew();
        try
        {
            // Independent parts load side by side: the index (after the shared resources), the intent model, and the
            // database with the kernel; then one request JIT-compiles the whole path.
            var search = Task.Run(services.GetRequiredService<CatalogSearch>, stoppingToken);
            var model = Task.Run(services.GetRequiredService<Search.Intents.IntentClassifier>, stoppingToken);
            var bot = Task.Run(services.GetRequiredService<Bot.Turns.ITurnProcessor>, stoppingToken);
            services.GetRequiredService<Bot.Connector.ConnectorTokenProvider>();    // warns now if replies would go without a token
            await Task.WhenAll(search, model, bot);
            services.GetRequiredService<Search.Understanding.QueryUnderstander>().Understand("身份证丢了");
            readiness.MarkReady(watch.Elapsed);
            var entries = (await search).Resources.Catalog.Services.Count;
            LogReady(logger, entries, watch.ElapsedMilliseconds);
        }
        catch (Exception ex) when (ex is IOException or InvalidDataException or UnauthorizedAccessException or System.Text.Json.JsonException
            or System.Data.Common.DbException)
        {
            readiness.MarkFailed(ex.Message);
            LogFailed(logger, ex);
        }
    }, stoppingToken);

    [LoggerMessage(Level = LogLevel.Information, Message = "Ready: {Services} catalog entries, warm-up {Milliseconds} ms")]
    private static partial void LogReady(ILogger logger, int services, long milliseconds);

    [LoggerMessage(Level = LogLevel.Critical, Message = "Catalog or index failed to load")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
