using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;

namespace Assistant.Tests.Api;

/// <summary>The real server in process, on its embedded data, with its artifacts (index, model) in the test run's folder.</summary>
public class AssistantApiFactory : WebApplicationFactory<Assistant.Api.Program>
{
    private readonly IDictionary<string, string?>? _settings;

    public AssistantApiFactory()
    {
    }

    /// <summary>A host with extra configuration (see <see cref="ConfiguredApiFactory"/>).</summary>
    protected AssistantApiFactory(IDictionary<string, string?> settings) => _settings = settings;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        // Each host gets its own SQLite file, so tests never see each other's ratings.
        var values = new Dictionary<string, string?>
        {
            ["Search:ArtifactsPath"] = AssistantFixture.ArtifactsPath,
            ["Bot:DatabasePath"] = Path.Combine(Path.GetTempPath(), $"assistant-api-test-{Guid.NewGuid():N}.db"),
        };
        foreach (var (key, value) in _settings ?? new Dictionary<string, string?>())
        {
            values[key] = value;
        }

        builder.ConfigureAppConfiguration(config => config.AddInMemoryCollection(values));
    }

    /// <summary>A client once /health says ready (the warm-up runs in the background at start).</summary>
    public Task<HttpClient> ReadyClientAsync() => Health.WaitUntilReadyAsync(CreateClient());
}

/// <summary>The real server with extra configuration, for tests of settings (authentication, retries, admin key).</summary>
public sealed class ConfiguredApiFactory(IDictionary<string, string?> settings) : AssistantApiFactory(settings);

/// <summary>Waits for the server's warm-up, which may train the intent model on a busy shared machine.</summary>
public static class Health
{
    public static async Task<HttpClient> WaitUntilReadyAsync(HttpClient client)
    {
        for (var attempt = 0; attempt < 1800; attempt++)
        {
            using var response = await client.GetAsync(new Uri("/health", UriKind.Relative));
            if (response.IsSuccessStatusCode)
            {
                return client;
            }

            await Task.Delay(100);
        }

        throw new TimeoutException("the assistant did not become ready within 180 s");
    }
}
