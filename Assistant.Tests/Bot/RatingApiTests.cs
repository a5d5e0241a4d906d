using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Assistant.Tests.Api;

namespace Assistant.Tests.Bot;

/// <summary>The administrators' 好差评 figures: closed without the key, counts and CSV with it.</summary>
public sealed class RatingApiTests : IDisposable
{
    private const string Key = "test-admin-key";
    private readonly ConfiguredApiFactory _factory = new(new Dictionary<string, string?> { ["Ratings:AdminKey"] = Key });

    [Fact]
    public async Task StatsNeedTheAdminKey()
    {
        var client = await _factory.ReadyClientAsync();

        using var none = await client.GetAsync("/api/ratings/stats");
        using var wrong = await Get(client, "/api/ratings/stats", "guess");

        Assert.Equal(HttpStatusCode.Unauthorized, none.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
    }

    [Fact]
    public async Task StatsAndExportCountWhatCitizensRated()
    {
        var client = await _factory.ReadyClientAsync();
        await Say(client, "s1", "我想在杭州补办身份证");
        await Say(client, "s1", "非常满意");
        await Say(client, "s2", "我想在杭州补办身份证");
        await Say(client, "s2", "不满意");
        await Say(client, "s2", "流程繁琐");
        await Say(client, "s3", "我想在广州办社保卡");
        await Say(client, "s3", "满意");

        using var statsResponse = await Get(client, "/api/ratings/stats", Key);
        var stats = await statsResponse.Content.ReadFromJsonAsync<JsonElement>();
        var overall = stats.GetProperty("overall");
        Assert.Equal(3, overall.GetProperty("total").GetInt32());
        Assert.Equal(1, overall.GetProperty("perLevel").GetProperty("不满意").GetInt32());
        Assert.Equal(0.6667, overall.GetProperty("goodRate").GetDouble());
        Assert.Equal(1, overall.GetProperty("negative").GetInt32());
        Assert.Equal(1, stats.GetProperty("openCases").GetInt32());
        Assert.Equal(0, stats.GetProperty("overdueCases").GetInt32());
        Assert.Equal(2, stats.GetProperty("perService").GetProperty("id-card-reissue").GetProperty("total").GetInt32());
        Assert.Equal(1, stats.GetProperty("perProvince").GetProperty("44").GetProperty("total").GetInt32());

        using var export = await Get(client, "/api/ratings/export", Key);
        Assert.Equal("text/csv", export.Content.Headers.ContentType?.MediaType);
        var lines = (await export.Content.ReadAsStringAsync()).TrimStart('\uFEFF').Trim().Split('\n');
        Assert.StartsWith("id,conversation_id,service_id", lines[0], StringComparison.Ordinal);
        Assert.Equal(4, lines.Length);
        Assert.Contains(lines, l => l.Contains(",s2,id-card-reissue,33,test,2,不满意,流程繁琐,", StringComparison.Ordinal));
    }

    private static async Task<HttpResponseMessage> Get(HttpClient client, string path, string key)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Add("X-Admin-Key", key);
        return await client.SendAsync(request);
    }

    private static async Task Say(HttpClient client, string conversation, string text)
    {
        using var response = await client.PostAsJsonAsync("/api/messages", new
        {
            type = "message", id = Guid.NewGuid().ToString("N"), channelId = "test", from = new { id = "u" }, recipient = new { id = "assistant" },
            conversation = new { id = conversation }, text, deliveryMode = "expectReplies",
        });
        response.EnsureSuccessStatusCode();
    }

    public void Dispose() => _factory.Dispose();
}
