using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Assistant.Tests.Api.DirectLine;

/// <summary>The Direct Line REST API against the real bot: start, echo, watermark paging, token scope and expiry, bad input.</summary>
[Collection(DirectLineGroup.Name)]
public sealed class DirectLineApiTests(DirectLineApiFactory factory)
{
    [Fact]
    public async Task StartGivesTheWelcomeAndWatermarkPagesThroughTheLog()
    {
        var client = new DirectLineClient(await factory.ReadyClientAsync());
        var conversation = await client.StartAsync();
        using (var posted = await client.PostTextAsync(conversation.Id, conversation.Token, "我想办社保卡"))
        {
            posted.EnsureSuccessStatusCode();
        }

        // Page size is 2: welcome + echo, then the bot's question, then nothing new with the same watermark.
        var first = await client.GetActivitiesAsync(conversation.Id, conversation.Token);
        Assert.Equal(DirectLineApiFactory.PageSize, first.GetProperty("activities").GetArrayLength());
        Assert.Equal("2", first.GetProperty("watermark").GetString());
        var welcome = first.GetProperty("activities")[0];
        Assert.Equal("bot", welcome.GetProperty("from").GetProperty("role").GetString());
        Assert.Contains("导办助手", welcome.GetProperty("text").GetString(), StringComparison.Ordinal);
        Assert.Equal("我想办社保卡", first.GetProperty("activities")[1].GetProperty("text").GetString());

        var second = await client.GetActivitiesAsync(conversation.Id, conversation.Token, "2");
        var question = Assert.Single(second.GetProperty("activities").EnumerateArray());
        Assert.Contains("社会保障卡", question.GetProperty("text").GetString(), StringComparison.Ordinal);
        Assert.Equal("3", second.GetProperty("watermark").GetString());

        var third = await client.GetActivitiesAsync(conversation.Id, conversation.Token, "3");
        Assert.Equal(0, third.GetProperty("activities").GetArrayLength());
        Assert.Equal("3", third.GetProperty("watermark").GetString());

        var ids = first.GetProperty("activities").EnumerateArray().Append(question).Select(a => a.GetProperty("id").GetString()!).ToList();
        Assert.All(ids, id => Assert.Matches(new Regex("^" + conversation.Id + @"\|\d{7}$"), id));
        Assert.Equal(ids.Order(StringComparer.Ordinal), ids);
    }

    [Fact]
    public async Task TheUsersActivityIsEchoedWithAServerIdAndItsChannelDataUnchanged()
    {
        var client = new DirectLineClient(await factory.ReadyClientAsync());
        var conversation = await client.StartAsync("web-echo");

        using var posted = await client.PostTextAsync(conversation.Id, conversation.Token, "长辈模式",
            """{"clientActivityID":"c-42","elderMode":true}""");
        var id = (await posted.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString();

        var log = await client.GetActivitiesAsync(conversation.Id, conversation.Token, "1");
        var echo = log.GetProperty("activities")[0];
        Assert.Equal(id, echo.GetProperty("id").GetString());
        Assert.Equal("directline", echo.GetProperty("channelId").GetString());
        Assert.Equal("web-echo", echo.GetProperty("from").GetProperty("id").GetString());
        Assert.Equal(conversation.Id, echo.GetProperty("conversation").GetProperty("id").GetString());
        Assert.True(echo.TryGetProperty("timestamp", out _));
        Assert.Equal("c-42", echo.GetProperty("channelData").GetProperty("clientActivityID").GetString());
        Assert.True(echo.GetProperty("channelData").GetProperty("elderMode").GetBoolean());
        var reply = log.GetProperty("activities")[1];
        Assert.Equal(id, reply.GetProperty("replyToId").GetString());
    }

    [Fact]
    public async Task ATokenForOneConversationCanNeitherReadNorPostToAnother()
    {
        var client = new DirectLineClient(await factory.ReadyClientAsync());
        var a = await client.StartAsync("web-a");
        var b = await client.StartAsync("web-b");
        var before = await client.GetActivitiesAsync(b.Id, b.Token);

        using var read = await client.SendAsync(HttpMethod.Get, $"/conversations/{b.Id}/activities", a.Token);
        using var post = await client.PostTextAsync(b.Id, a.Token, "我想办社保卡");
        using var reconnect = await client.SendAsync(HttpMethod.Get, $"/conversations/{b.Id}?watermark=0", a.Token);

        Assert.Equal(HttpStatusCode.Forbidden, read.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, post.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, reconnect.StatusCode);
        Assert.Equal("application/problem+json", post.Content.Headers.ContentType?.MediaType);
        var after = await client.GetActivitiesAsync(b.Id, b.Token);
        Assert.Equal(before.GetProperty("watermark").GetString(), after.GetProperty("watermark").GetString());
    }

    [Fact]
    public async Task MissingForgedOrWrongKindTokensAre401()
    {
        var client = new DirectLineClient(await factory.ReadyClientAsync());
        var conversation = await client.StartAsync();
        var parts = conversation.Token.Split('.');
        var forged = parts[0] + "." + parts[1][..^2] + (parts[1][^2] == 'A' ? "B" : "A") + parts[1][^1] + "." + parts[2];
        var streamToken = Uri.UnescapeDataString(Regex.Match(conversation.StreamUrl, "t=([^&]+)").Groups[1].Value);

        foreach (var token in new[] { null, "garbage", forged, streamToken })
        {
            using var response = await client.SendAsync(HttpMethod.Get, $"/conversations/{conversation.Id}/activities", token);
            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        }

        using var start = await client.SendAsync(HttpMethod.Post, "/conversations", null);
        Assert.Equal(HttpStatusCode.Unauthorized, start.StatusCode);
    }

    [Fact]
    public async Task AnExpiredTokenIs403AndRefreshingExtendsTheExpiry()
    {
        var client = new DirectLineClient(await factory.ReadyClientAsync());
        var conversation = await client.StartAsync();

        factory.Clock.Advance(TimeSpan.FromMinutes(9));
        using var refresh = await client.SendAsync(HttpMethod.Post, "/tokens/refresh", conversation.Token);
        var refreshed = await refresh.Content.ReadFromJsonAsync<JsonElement>();
        var newToken = refreshed.GetProperty("token").GetString();
        Assert.Equal(600, refreshed.GetProperty("expires_in").GetInt32());
        Assert.Equal(conversation.Id, refreshed.GetProperty("conversationId").GetString());

        factory.Clock.Advance(TimeSpan.FromMinutes(2));
        using var expired = await client.SendAsync(HttpMethod.Get, $"/conversations/{conversation.Id}/activities", conversation.Token);
        using var expiredRefresh = await client.SendAsync(HttpMethod.Post, "/tokens/refresh", conversation.Token);
        using var fresh = await client.SendAsync(HttpMethod.Get, $"/conversations/{conversation.Id}/activities", newToken);

        Assert.Equal(HttpStatusCode.Forbidden, expired.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, expiredRefresh.StatusCode);
        Assert.Equal(HttpStatusCode.OK, fresh.StatusCode);
    }

    [Theory]
    [InlineData("{not json", "application/json", HttpStatusCode.BadRequest)]
    [InlineData("""{"text":"没有类型"}""", "application/json", HttpStatusCode.BadRequest)]
    [InlineData("""{"type":"invoke","name":"x"}""", "application/json", HttpStatusCode.BadRequest)]
    [InlineData("""{"type":"message","text":"你好"}""", "text/plain", HttpStatusCode.UnsupportedMediaType)]
    [InlineData("", "application/json", HttpStatusCode.BadRequest)]
    public async Task BadActivitiesAreClearProblems(string body, string contentType, HttpStatusCode expected)
    {
        var client = new DirectLineClient(await factory.ReadyClientAsync());
        var conversation = await client.StartAsync();

        using var response = await client.SendAsync(HttpMethod.Post, $"/conversations/{conversation.Id}/activities",
            conversation.Token, body, contentType);

        Assert.Equal(expected, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.False(string.IsNullOrEmpty(problem.GetProperty("detail").GetString()));
    }

    [Fact]
    public async Task OversizedBodiesBadWatermarksReservedUserIdsAndUnstartedConversationsAreRejected()
    {
        var client = new DirectLineClient(await factory.ReadyClientAsync());
        var conversation = await client.StartAsync();
        var (unstarted, token) = await client.GenerateAsync();

        using var huge = await client.PostTextAsync(conversation.Id, conversation.Token, new string('办', 70_000));
        using var watermark = await client.SendAsync(HttpMethod.Get, $"/conversations/{conversation.Id}/activities?watermark=-1", conversation.Token);
        using var reserved = await client.SendAsync(HttpMethod.Post, "/conversations", token, """{"user":{"id":"dl_admin"}}""");
        using var unknown = await client.SendAsync(HttpMethod.Get, $"/conversations/{unstarted}/activities", token);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, huge.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, watermark.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, reserved.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }
}
