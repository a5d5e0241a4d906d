using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Assistant.Tests.Api;

public sealed class SearchApiTests(AssistantApiFactory factory) : IClassFixture<AssistantApiFactory>
{
    [Fact]
    public async Task HealthIsReadyOnceCatalogAndIndexAreLoaded()
    {
        var client = await factory.ReadyClientAsync();

        var health = await client.GetFromJsonAsync<JsonElement>(new Uri("/health", UriKind.Relative));

        Assert.Equal("ready", health.GetProperty("status").GetString());
    }

    [Fact]
    public async Task SearchReturnsTheServiceWithItsProvincialPage()
    {
        var client = await factory.ReadyClientAsync();

        var body = await client.GetFromJsonAsync<JsonElement>(new Uri("/api/search?q=我身份证丢了，在杭州怎么补办&top=3", UriKind.Relative));

        Assert.Equal("33", body.GetProperty("location").GetProperty("province").GetString());
        Assert.Equal("330100", body.GetProperty("location").GetProperty("city").GetString());
        Assert.Contains("身份证", body.GetProperty("tokens").EnumerateArray().Select(t => t.GetString()));
        var hits = body.GetProperty("hits");
        Assert.Equal(3, hits.GetArrayLength());
        var top = hits[0];
        Assert.Equal("id-card-reissue", top.GetProperty("id").GetString());
        Assert.Equal("33", top.GetProperty("province").GetString());
        Assert.Equal("portal", top.GetProperty("page").GetProperty("kind").GetString());
        Assert.Equal("浙里办", top.GetProperty("page").GetProperty("app").GetString());
        Assert.True(top.GetProperty("score").GetDouble() > 0);
        Assert.NotEmpty(top.GetProperty("matched").EnumerateArray());
    }

    [Fact]
    public async Task ExplicitProvinceParameterChoosesThePage()
    {
        var client = await factory.ReadyClientAsync();

        var body = await client.GetFromJsonAsync<JsonElement>(new Uri("/api/search?q=社保卡怎么申请&province=44", UriKind.Relative));

        Assert.Equal("social-security-card", body.GetProperty("hits")[0].GetProperty("id").GetString());
        Assert.Equal("粤省事", body.GetProperty("hits")[0].GetProperty("page").GetProperty("app").GetString());
    }

    [Theory]
    [InlineData("/api/search")]
    [InlineData("/api/search?q=")]
    [InlineData("/api/search?q=%20%20")]
    [InlineData("/api/search?q=护照&top=0")]
    [InlineData("/api/search?q=护照&top=abc")]
    [InlineData("/api/search?q=护照&top=51")]
    [InlineData("/api/search?q=护照&province=99")]
    [InlineData("/api/understand?q=")]
    public async Task BadInputIsA400ProblemDetails(string url)
    {
        var client = await factory.ReadyClientAsync();

        using var response = await client.GetAsync(new Uri(url, UriKind.Relative));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.False(string.IsNullOrEmpty(problem.GetProperty("detail").GetString()));
    }

    [Fact]
    public async Task OverlongQueryIsRejected()
    {
        var client = await factory.ReadyClientAsync();

        using var response = await client.GetAsync(new Uri("/api/search?q=" + new string('办', 501), UriKind.Relative));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task UnderstandReturnsTheWholeResult()
    {
        var client = await factory.ReadyClientAsync();

        var body = await client.GetFromJsonAsync<JsonElement>(new Uri("/api/understand?q=我在深圳上班，老家河南，养老保险想转回去", UriKind.Relative));

        Assert.Equal("pension-transfer", body.GetProperty("label").GetString());
        Assert.Equal("answer", body.GetProperty("decision").GetString());
        Assert.Equal("44", body.GetProperty("province").GetString());
        Assert.Equal("41", body.GetProperty("to_province").GetString());
        Assert.InRange(body.GetProperty("confidence").GetDouble(), 0.0, 1.0);
        Assert.Equal("pension-transfer", body.GetProperty("candidates")[0].GetProperty("label").GetString());
        Assert.False(string.IsNullOrEmpty(body.GetProperty("normalized").GetString()));
    }
}
