using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Assistant.Tests.Api.DirectLine;

/// <summary>
/// The real server and the real bot in process, with a clock the tests move (token expiry), a small page size (watermark
/// paging) and a one-second keep-alive. The bot's database is a fresh file per factory.
/// </summary>
public sealed class DirectLineApiFactory : WebApplicationFactory<Assistant.Api.Program>
{
    public const int PageSize = 2;

    private readonly string _database = Path.Combine(Path.GetTempPath(), $"assistant-dl-{Guid.NewGuid():N}.db");

    public ManualClock Clock { get; } = new(DateTimeOffset.UtcNow);

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.ConfigureAppConfiguration(config => config.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Search:ArtifactsPath"] = AssistantFixture.ArtifactsPath,
            ["Bot:DatabasePath"] = _database,
            ["DirectLine:TokenLifetime"] = "00:10:00",
            ["DirectLine:PageSize"] = PageSize.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["DirectLine:KeepAliveInterval"] = "00:00:01",
        }));
        builder.ConfigureServices(services => services.AddSingleton<TimeProvider>(Clock));
    }

    /// <summary>A client once /health says ready.</summary>
    public Task<HttpClient> ReadyClientAsync() => Health.WaitUntilReadyAsync(CreateClient());

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        foreach (var file in Directory.GetFiles(Path.GetTempPath(), Path.GetFileName(_database) + "*"))
        {
            File.Delete(file);
        }
    }
}

/// <summary>A wall clock the test sets; timers still run in real time (keep-alives), only "now" moves.</summary>
public sealed class ManualClock(DateTimeOffset start) : TimeProvider
{
    private long _ticks = start.UtcTicks;

    public override DateTimeOffset GetUtcNow() => new(Interlocked.Read(ref _ticks), TimeSpan.Zero);

    public void Advance(TimeSpan by) => Interlocked.Add(ref _ticks, by.Ticks);
}

/// <summary>
/// One server for all Direct Line tests: they share its clock, so they run one after another; and not beside the other
/// collections, whose servers would otherwise train the intent model at the same time on a two-core machine.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class DirectLineGroup : ICollectionFixture<DirectLineApiFactory>
{
    public const string Name = "directline";
}
