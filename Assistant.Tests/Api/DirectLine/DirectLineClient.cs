using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace Assistant.Tests.Api.DirectLine;

/// <summary>Test helper speaking Direct Line 3.0 over HTTP as directlinejs does (same paths, headers and bodies).</summary>
public sealed class DirectLineClient(HttpClient http)
{
    public const string Prefix = "/v3/directline";

    public async Task<(string ConversationId, string Token)> GenerateAsync()
    {
        using var response = await http.PostAsync(Url("/tokens/generate"), null);
        response.EnsureSuccessStatusCode();
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        return (body.GetProperty("conversationId").GetString()!, body.GetProperty("token").GetString()!);
    }

    /// <summary>Generates a token and starts its conversation; returns the start response.</summary>
    public async Task<Conversation> StartAsync(string userId = "web-tester")
    {
        var (_, token) = await GenerateAsync();
        using var response = await SendAsync(HttpMethod.Post, "/conversations", token, $$"""{"user":{"id":"{{userId}}"},"locale":"zh-CN"}""");
        Assert.Equal(System.Net.HttpStatusCode.Created, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        return new Conversation(body.GetProperty("conversationId").GetString()!, token, body.GetProperty("streamUrl").GetString()!);
    }

    public Task<HttpResponseMessage> PostTextAsync(string conversationId, string token, string text, string channelData = "{}") =>
        SendAsync(HttpMethod.Post, $"/conversations/{conversationId}/activities", token,
            $$"""{"type":"message","text":"{{text}}","from":{"id":"web-tester","name":"市民"},"locale":"zh-CN","channelData":{{channelData}}}""");

    public async Task<JsonElement> GetActivitiesAsync(string conversationId, string token, string? watermark = null)
    {
        using var response = await SendAsync(HttpMethod.Get, $"/conversations/{conversationId}/activities?watermark={watermark}", token);
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    public async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, string? token, string? json = null,
        string contentType = "application/json")
    {
        using var request = new HttpRequestMessage(method, Url(path));
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        if (json is not null)
        {
            request.Content = new StringContent(json, Encoding.UTF8, contentType);
        }

        return await http.SendAsync(request);
    }

    private static Uri Url(string path) => new(Prefix + path, UriKind.Relative);

    public sealed record Conversation(string Id, string Token, string StreamUrl);
}
