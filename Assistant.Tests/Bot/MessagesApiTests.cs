using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Assistant.Bot.Protocol;
using Assistant.Tests.Api;

namespace Assistant.Tests.Bot;

/// <summary><c>POST /api/messages</c> over HTTP, as a Bot Framework channel uses it.</summary>
public sealed class MessagesApiTests(AssistantApiFactory factory) : IClassFixture<AssistantApiFactory>
{
    private static object Message(string conversation, string text, string? serviceUrl, string? deliveryMode = null, string type = "message") => new
    {
        type, id = conversation + "|0000001", channelId = "test", from = new { id = "user-1", role = "user" },
        recipient = new { id = "assistant" }, conversation = new { id = conversation }, serviceUrl, text, locale = "zh-CN", deliveryMode,
    };

    [Fact]
    public async Task ExpectRepliesAnswersInTheResponseBody()
    {
        var client = await factory.ReadyClientAsync();

        using var response = await client.PostAsJsonAsync("/api/messages", Message("expect", "我想在杭州补办身份证", null, "expectReplies"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<ExpectedReplies>(ActivityJson.Options);
        Assert.Contains("居民身份证", string.Concat(body!.Activities.Select(a => a.Text)));
        Assert.All(body.Activities, a => Assert.Equal("expect|0000001", a.ReplyToId));
        Assert.All(body.Activities, a => Assert.Equal("assistant", a.From!.Id));
    }

    [Fact]
    public async Task NormalDeliveryAnswers200AtOnceAndPostsRepliesToTheServiceUrl()
    {
        var client = await factory.ReadyClientAsync();
        using var channel = new ChannelListener();

        using var response = await client.PostAsJsonAsync("/api/messages", Message("normal|a", "我想在杭州补办身份证", channel.BaseUrl));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("", await response.Content.ReadAsStringAsync());
        var received = await channel.WaitForAsync(2);
        var messages = received.Select(r => JsonSerializer.Deserialize<Activity>(r.Body, ActivityJson.Options)!)
            .Where(a => a.Type == ActivityTypes.Message).ToList();
        Assert.True(messages.Count >= 2, $"expected the answer and the rating question, got {received.Count} posts");
        // The conversation id is percent-encoded in the path and decoded by the channel, as the Connector API does.
        Assert.All(received, r => Assert.Equal("/v3/conversations/normal|a/activities/normal|a|0000001", r.Path));
        Assert.Contains("居民身份证", messages[0].Text);
        // Authentication off (no app id): no bearer token, as the SDKs' anonymous ConnectorClient sends none.
        Assert.All(channel.Posts, p => Assert.Null(p.Authorization));
    }

    [Fact]
    public async Task FailedReplyPostsAreRetried()
    {
        using var settings = new ConfiguredApiFactory(new Dictionary<string, string?> { ["Bot:ReplyRetryDelay"] = "00:00:00.050" });
        var client = await settings.ReadyClientAsync();
        using var channel = new ChannelListener(failFirst: 2);

        await client.PostAsJsonAsync("/api/messages", Message("retry", "你好", channel.BaseUrl));

        var received = await channel.WaitForAsync(1);
        Assert.Contains("政务服务", received[0].Body);
        Assert.True(channel.Attempts >= 3);
    }

    [Fact]
    public async Task WithoutAuthenticationRepliesGoOnlyToThisMachineOrAnAllowedOrigin()
    {
        using var settings = new ConfiguredApiFactory(new Dictionary<string, string?>
        {
            ["Bot:OpenServiceUrls:0"] = "https://channel.example.cn", ["Bot:ReplyAttempts"] = "1",
        });
        var client = await settings.ReadyClientAsync();

        // Not loopback, not allowed (a look-alike host included): refused before the turn runs, so nothing is posted.
        using var internalHost = await client.PostAsJsonAsync("/api/messages", Message("relay|1", "你好", "http://10.0.0.5:8080/"));
        using var lookAlike = await client.PostAsJsonAsync("/api/messages", Message("relay|2", "你好", "https://channel.example.cn.evil.io/"));
        using var allowed = await client.PostAsJsonAsync("/api/messages", Message("relay|3", "你好", "https://channel.example.cn/api/"));
        using var expectReplies = await client.PostAsJsonAsync("/api/messages", Message("relay|4", "你好", "http://10.0.0.5:8080/", "expectReplies"));

        Assert.Equal(HttpStatusCode.Forbidden, internalHost.StatusCode);
        Assert.Equal("application/problem+json", internalHost.Content.Headers.ContentType?.MediaType);
        Assert.Contains("Bot:OpenServiceUrls", (await internalHost.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString());
        Assert.Equal(HttpStatusCode.Forbidden, lookAlike.StatusCode);
        Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
        Assert.Equal(HttpStatusCode.OK, expectReplies.StatusCode);    // nothing is posted to serviceUrl in this mode
    }

    [Theory]
    [InlineData("http://127.0.0.1:3978/", true, true)]           // the Emulator on this machine
    [InlineData("http://[::1]:3978/", true, true)]
    [InlineData("http://LOCALHOST:3978/", true, true)]
    [InlineData("http://127.0.0.1:5432/", false, false)]         // a remote caller may not aim at local services
    [InlineData("https://Channel.Example.CN:443/x", false, true)] // the allowed origin, any case, default port
    [InlineData("https://channel.example.cn:8443/", false, false)] // another port is another origin
    [InlineData("https://channel.example.cn@evil.io/", false, false)] // userinfo does not make the host
    [InlineData("http://channel.example.cn/", false, false)]     // another scheme is another origin
    public void OpenModeRepliesGoOnlyToAllowedPlaces(string serviceUrl, bool callerIsLocal, bool allowed)
    {
        var validator = new Assistant.Bot.Connector.ChannelTokenValidator(Microsoft.Extensions.Options.Options.Create(
            new Assistant.Bot.BotOptions { OpenServiceUrls = ["https://channel.example.cn"] }), null!);

        Assert.Equal(allowed, validator.MayReplyTo(new Uri(serviceUrl), callerIsLocal));
    }

    [Theory]
    [InlineData("{\"type\":\"message\",\"text\":\"hi\",\"serviceUrl\":\"http://127.0.0.1:9/\"}", "conversation.id")]
    [InlineData("{\"type\":\"message\",\"conversation\":{\"id\":\"x\"},\"text\":\"hi\"}", "serviceUrl")]
    [InlineData("{\"type\":\"message\",\"conversation\":{\"id\":\"x\"},\"serviceUrl\":\"not a url\"}", "serviceUrl")]
    [InlineData("{\"type\": \"message\", \"conversation\": ", "not a valid Activity")]
    [InlineData("{\"conversation\":{\"id\":\"x\"},\"serviceUrl\":\"http://127.0.0.1:9/\"}", "no type")]
    public async Task BadActivitiesGet400ProblemDetails(string json, string expected)
    {
        var client = await factory.ReadyClientAsync();

        using var response = await client.PostAsync("/api/messages", new StringContent(json, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains(expected, (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString());
    }

    [Fact]
    public async Task UnknownInvokeIs501()
    {
        var client = await factory.ReadyClientAsync();

        using var response = await client.PostAsJsonAsync("/api/messages", Message("invoke", "", "http://127.0.0.1:9/", type: "invoke"));

        Assert.Equal(HttpStatusCode.NotImplemented, response.StatusCode);
    }
}
