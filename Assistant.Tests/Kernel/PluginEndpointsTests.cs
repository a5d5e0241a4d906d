using System.Text.Json;
using Assistant.Tests.Api;

namespace Assistant.Tests.Kernel;

/// <summary><c>GET /api/plugins</c> lists every kernel function with its descriptions and JSON schemas.</summary>
public sealed class PluginEndpointsTests(AssistantApiFactory factory) : IClassFixture<AssistantApiFactory>
{
    [Fact]
    public async Task ListsEveryFunctionWithParameterAndReturnSchemas()
    {
        // Arrange
        var client = await factory.ReadyClientAsync();

        // Act
        using var response = await client.GetAsync(new Uri("/api/plugins", UriKind.Relative));

        // Assert
        response.EnsureSuccessStatusCode();
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var plugin = Assert.Single(json.RootElement.GetProperty("plugins").EnumerateArray());
        Assert.Equal("assistant", plugin.GetProperty("name").GetString());
        var functions = plugin.GetProperty("functions").EnumerateArray().ToDictionary(f => f.GetProperty("name").GetString()!);
        Assert.Equal(["find_services", "get_service_guide", "open_follow_up_case", "record_rating", "resolve_place"],
            functions.Keys.Order(StringComparer.Ordinal));
        Assert.All(functions.Values, f =>
        {
            Assert.Matches(@"\p{IsCJKUnifiedIdeographs}.*[A-Za-z]", f.GetProperty("description").GetString());
            Assert.All(f.GetProperty("parameters").EnumerateArray(), p => Assert.Equal(JsonValueKind.Object, p.GetProperty("schema").ValueKind));
            Assert.Equal(JsonValueKind.Object, f.GetProperty("returns").GetProperty("schema").ValueKind);
            Assert.Equal("object", f.GetProperty("inputSchema").GetProperty("type").GetString());
        });
        var find = functions["find_services"];
        Assert.Equal("string", find.GetProperty("inputSchema").GetProperty("properties").GetProperty("text").GetProperty("type").GetString());
        Assert.Equal(["text"], find.GetProperty("inputSchema").GetProperty("required").EnumerateArray().Select(r => r.GetString()));
        Assert.True(find.GetProperty("returns").GetProperty("schema").GetProperty("properties").TryGetProperty("Candidates", out _));
        var rating = functions["record_rating"].GetProperty("inputSchema").GetProperty("properties");
        Assert.Equal("integer", rating.GetProperty("level").GetProperty("type").GetString());
        Assert.False(rating.TryGetProperty("cancellationToken", out _));
    }
}
