using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Assistant.Tests.Api.DirectLine;

/// <summary>
/// The public Direct Line endpoints are rate limited: one client cannot start conversations without bound (and so fill
/// the server's conversation slots for everyone), one conversation cannot post without bound. Small limits here; the
/// defaults are in <c>DirectLineOptions</c>.
/// </summary>
[Collection(DirectLineGroup.Name)]
public sealed class DirectLineRateLimitTests
{
    [Fact]
    public async Task AClientStartingTooManyConversationsGets429AndItsConversationsKeepWorking()
    {
        // Arrange
        using var server = new ConfiguredApiFactory(new Dictionary<string, string?> { ["DirectLine:ConversationsPerClientPerMinute"] = "2" });
        var client = new DirectLineClient(await server.ReadyClientAsync());
        var first = await client.StartAsync("rate-1");
        await client.StartAsync("rate-2");

        // Act
        var (_, token) = await client.GenerateAsync();
        using var refused = await client.SendAsync(HttpMethod.Post, "/conversations", token, """{"user":{"id":"rate-3"}}""");

        // Assert: refused with a problem and when to come back; the started conversation still answers
        await AssertTooManyAsync(refused);
        using var posted = await client.PostTextAsync(first.Id, first.Token, "你好");
        Assert.Equal(HttpStatusCode.OK, posted.StatusCode);
    }

    [Fact]
    public async Task AConversationPostingTooFastGets429WhileOtherConversationsCanPost()
    {
        // Arrange
        using var server = new ConfiguredApiFactory(new Dictionary<string, string?> { ["DirectLine:ActivitiesPerConversationPerMinute"] = "3" });
        var client = new DirectLineClient(await server.ReadyClientAsync());
        var busy = await client.StartAsync("rate-busy");
        var other = await client.StartAsync("rate-other");
        await PostAcceptedAsync(client, busy, times: 3);

        // Act
        using var refused = await client.PostTextAsync(busy.Id, busy.Token, "你好");
        using var elsewhere = await client.PostTextAsync(other.Id, other.Token, "你好");

        // Assert: the refused text was not taken into the conversation; the other conversation is not affected
        await AssertTooManyAsync(refused);
        Assert.Equal(HttpStatusCode.OK, elsewhere.StatusCode);
        var log = await client.GetActivitiesAsync(busy.Id, busy.Token);
        var fromUser = log.GetProperty("activities").EnumerateArray()
            .Count(a => a.GetProperty("from").GetProperty("id").GetString() != "assistant");
        Assert.Equal(3, fromUser);
    }

    [Fact]
    public async Task OpeningMoreConversationsDoesNotMultiplyAClientsPostingAllowance()
    {
        // Arrange: three posts per conversation, four per client over all its conversations
        using var server = new ConfiguredApiFactory(new Dictionary<string, string?>
        {
            ["DirectLine:ActivitiesPerConversationPerMinute"] = "3",
            ["DirectLine:ActivitiesPerClientPerMinute"] = "4",
        });
        var client = new DirectLineClient(await server.ReadyClientAsync());
        var first = await client.StartAsync("rate-first");
        var second = await client.StartAsync("rate-second");
        await PostAcceptedAsync(client, first, times: 3);

        using var fourth = await client.PostTextAsync(second.Id, second.Token, "你好");

        // Act
        using var fifth = await client.PostTextAsync(second.Id, second.Token, "你好");

        // Assert: the second conversation had its own allowance left, the client had not
        Assert.Equal(HttpStatusCode.OK, fourth.StatusCode);
        await AssertTooManyAsync(fifth);
    }

    private static async Task PostAcceptedAsync(DirectLineClient client, DirectLineClient.Conversation conversation, int times)
    {
        for (var i = 0; i < times; i++)
        {
            using var accepted = await client.PostTextAsync(conversation.Id, conversation.Token, "你好");
            Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        }
    }

    private static async Task AssertTooManyAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(429, problem.GetProperty("status").GetInt32());
        var retryAfter = int.Parse(Assert.Single(response.Headers.GetValues("Retry-After")), System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(retryAfter, 1, 60);
    }
}
