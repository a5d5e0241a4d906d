using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace Assistant.Tests.Speech;

public sealed class SpeechApiTests(SpeechApiFixture fixture) : IClassFixture<SpeechApiFixture>
{
    private SpeechAudioFixture Audio => fixture.Audio;

    private static readonly Dictionary<string, string?> s_noEngines = new() { ["Speech:Espeak:Program"] = "" };

    [Fact]
    public async Task AClientCallingSpeechTooOftenGets429WithRetryAfter()
    {
        // Arrange: two speech calls a minute; recognition and synthesis share the allowance
        using var factory = new SpeechApiFactory(new Dictionary<string, string?>(s_noEngines) { ["Speech:RequestsPerClientPerMinute"] = "2" });
        var client = factory.CreateClient();
        using var first = await PostAudioAsync(client, "/api/speech?conversationId=r1", "wav16k.wav", "audio/wav");
        using var second = await client.PostAsJsonAsync(new Uri("/api/tts", UriKind.Relative), new { text = "您好", format = "wav16k" });

        // Act
        using var third = await client.PostAsJsonAsync(new Uri("/api/tts", UriKind.Relative), new { text = "您好", format = "wav16k" });

        // Assert: the first two reached the endpoints (no engine here: 503), the third was refused before them
        Assert.Equal(HttpStatusCode.ServiceUnavailable, first.StatusCode);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, second.StatusCode);
        await AssertProblemAsync(third, HttpStatusCode.TooManyRequests, "try again");
        Assert.InRange(int.Parse(Assert.Single(third.Headers.GetValues("Retry-After")), System.Globalization.CultureInfo.InvariantCulture), 1, 60);
    }

    [Fact]
    public async Task WithoutEnginesStatusSaysSoAndSpeechIs503()
    {
        using var factory = new SpeechApiFactory(s_noEngines);
        var client = factory.CreateClient();

        var status = await client.GetFromJsonAsync<JsonElement>(new Uri("/api/speech/status", UriKind.Relative));
        using var speech = await PostAudioAsync(client, "/api/speech?conversationId=c1", "wav16k.wav", "audio/wav");
        using var tts = await client.PostAsJsonAsync(new Uri("/api/tts", UriKind.Relative), new { text = "您好", format = "wav16k" });

        Assert.False(status.GetProperty("available").GetBoolean());
        Assert.Equal(JsonValueKind.Null, status.GetProperty("recognition").ValueKind);
        Assert.Equal(JsonValueKind.Null, status.GetProperty("synthesis").ValueKind);
        await AssertProblemAsync(speech, HttpStatusCode.ServiceUnavailable, "not configured");
        await AssertProblemAsync(tts, HttpStatusCode.ServiceUnavailable, "not configured");
    }

    [Fact]
    public async Task WhisperConfiguredRunsTheTestModelBehindTheEndpoint()
    {
        using var factory = new SpeechApiFactory(new Dictionary<string, string?> { ["Speech:Whisper:ModelPath"] = WhisperSpeechToTextTests.TestModel });
        var client = factory.CreateClient();

        var status = await client.GetFromJsonAsync<JsonElement>(new Uri("/api/speech/status", UriKind.Relative));
        using var response = await PostAudioAsync(client, "/api/speech?conversationId=c2", "opus.webm", "audio/webm;codecs=opus");

        Assert.True(status.GetProperty("available").GetBoolean());
        Assert.Equal("whisper", status.GetProperty("recognition").GetString());
        Assert.Equal("espeak-ng", status.GetProperty("synthesis").GetString());
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("noMatch", body.GetProperty("status").GetString());   // the weightless model hears nothing
        Assert.Equal(0, body.GetProperty("replies").GetArrayLength());
        Assert.Contains("recognize;dur=", string.Join(',', response.Headers.GetValues("Server-Timing")), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/api/speech?conversationId=c3", "opus.ogg", "audio/wav", 400, "is Ogg")]
    [InlineData("/api/speech?conversationId=c3", "wav16k.wav", "audio/mpeg", 415, "audio/mpeg")]
    [InlineData("/api/speech?conversationId=c3", "long-70s.wav", "audio/wav", 413, "60 seconds")]
    [InlineData("/api/speech?conversationId=c3", "", "audio/wav", 400, "empty")]
    [InlineData("/api/speech?conversationId=c3", "corrupt", "audio/webm", 400, "WebM")]
    [InlineData("/api/speech", "wav16k.wav", "audio/wav", 400, "conversationId")]
    [InlineData("/api/speech?conversationId=c3&channel=fax", "wav16k.wav", "audio/wav", 400, "channel")]
    public async Task BadUploadsAreProblemDetailsNever500(string url, string file, string contentType, int status, string reason)
    {
        using var response = await PostAudioAsync(fixture.Sidecar.CreateClient(), url, file, contentType);

        await AssertProblemAsync(response, (HttpStatusCode)status, reason);
    }

    [Fact]
    public async Task UploadsOverTheSizeLimitAre413()
    {
        using var factory = fixture.SidecarFactory(new() { ["Speech:MaxUploadBytes"] = "50000" });   // the 16 kHz clip is ~87 KB

        using var response = await PostAudioAsync(factory.CreateClient(), "/api/speech?conversationId=c4", "wav16k.wav", "audio/wav");

        await AssertProblemAsync(response, HttpStatusCode.RequestEntityTooLarge, "larger than");
    }

    [Theory]
    [InlineData("", "wav16k", "text is required")]
    [InlineData("您好", "mp3", "format must be")]
    [InlineData("……", "wav16k", "nothing that can be spoken")]
    public async Task BadTtsRequestsAre400(string text, string format, string reason)
    {
        using var response = await fixture.Sidecar.CreateClient().PostAsJsonAsync(new Uri("/api/tts", UriKind.Relative), new { text, format });

        await AssertProblemAsync(response, HttpStatusCode.BadRequest, reason);
    }

    internal static async Task<HttpResponseMessage> PostAudioAsync(HttpClient client, string url, string file, string contentType,
        SpeechAudioFixture audio)
    {
        var bytes = file switch
        {
            "" => [],
            "corrupt" => "\u001aE\u00df\u00a3\u0093B\u0086\u0081\u0001 cut short"u8.ToArray(),
            _ => audio.Bytes(file),
        };
        using var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        return await client.PostAsync(new Uri(url, UriKind.Relative), content);
    }

    private Task<HttpResponseMessage> PostAudioAsync(HttpClient client, string url, string file, string contentType) =>
        PostAudioAsync(client, url, file, contentType, Audio);

    internal static async Task AssertProblemAsync(HttpResponseMessage response, HttpStatusCode status, string reason)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains(reason, problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }
}
