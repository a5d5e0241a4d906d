using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;

namespace Assistant.Tests.Api;

/// <summary>The real server in process, on its embedded data, with its artifacts (index, model) in the test run's folder.</summary>
public sealed class AssistantApiFactory : WebApplicationFactory<Assistant.Api.Program>
{
    protected override void ConfigureWebHost(IWebHostBuilder builder) =>
        builder.ConfigureAppConfiguration(config => config.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Search:ArtifactsPath"] = AssistantFixture.ArtifactsPath,
        }));

    /// <summary>A client once /health says ready (the warm-up runs in the background at start).</summary>
    public async Task<HttpClient> ReadyClientAsync()
    {
        var client = CreateClient();
        for (var attempt = 0; attempt < 600; attempt++)
        {
            using var response = await client.GetAsync(new Uri("/health", UriKind.Relative));
            if (response.IsSuccessStatusCode)
            {
                return client;
            }

            await Task.Delay(100);
        }

        throw new TimeoutException("the assistant did not become ready within 60 s");
    }
}
