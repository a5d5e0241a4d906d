using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Assistant.Bot.Protocol;
using Assistant.Bot.Speech;
using NAudio.Wave;

namespace Assistant.Tests.Speech;

/// <summary>
/// A whole voice turn: a browser-style WebM/Opus recording → decoding → the sidecar-transcript recogniser double (no
/// Mandarin model exists here) → the app's turn processor → a reply with <c>speak</c> → TTS audio that decodes.
/// </summary>
public sealed class VoiceTurnTests(SpeechApiFixture fixture) : IClassFixture<SpeechApiFixture>
{
    [Theory]
    [InlineData("", "speech")]
    [InlineData("&channel=hotline", "hotline")]
    public async Task SpokenRequestRunsAsATurnAndTheReplyIsSpokenBack(string channelQuery, string channelId)
    {
        File.WriteAllText(SidecarTranscriptSpeechToText.SidecarPath(fixture.Audio.Path("opus.webm")), SpeechAudioFixture.Utterance);
        var client = await fixture.Sidecar.ReadyClientAsync();
        var conversation = "voice-" + channelId;

        using var response = await SpeechApiTests.PostAudioAsync(client, $"/api/speech?conversationId={conversation}{channelQuery}",
            "opus.webm", "audio/webm;codecs=opus", fixture.Audio);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(SpeechAudioFixture.Utterance, body.GetProperty("text").GetString());
        Assert.Equal(0.9, body.GetProperty("confidence").GetDouble(), 3);

        var incoming = fixture.Sidecar.Turns.Incoming.Last(a => a.Conversation?.Id == conversation);
        Assert.Equal(ActivityTypes.Message, incoming.Type);
        Assert.Equal(channelId, incoming.ChannelId);
        Assert.Equal(new ChannelAccount("user-" + conversation, Role: "user"), incoming.From);
        Assert.Equal(new ChannelAccount("assistant", Role: "bot"), incoming.Recipient);
        Assert.Equal(SpeechAudioFixture.Utterance, incoming.Text);
        Assert.Equal("我想补办身份证吗", incoming.ChannelData?.GetProperty("speech").GetProperty("alternatives")[0].GetProperty("text").GetString());

        var replies = body.GetProperty("replies").Deserialize<List<Activity>>(ActivityJson.Options)!;
        var spoken = replies.FirstOrDefault(r => !string.IsNullOrWhiteSpace(r.Speak));
        Assert.NotNull(spoken);
        Assert.Equal(conversation, spoken.Conversation?.Id);

        using var tts = await client.PostAsJsonAsync(new Uri("/api/tts", UriKind.Relative),
            new { text = SpeakText.Of(spoken), format = channelId == "hotline" ? "mulaw8k" : "wav16k" });
        Assert.Equal(HttpStatusCode.OK, tts.StatusCode);
        Assert.Equal("audio/wav", tts.Content.Headers.ContentType?.MediaType);
        var wav = await tts.Content.ReadAsByteArrayAsync();
        using (var reader = new WaveFileReader(new MemoryStream(wav)))
        {
            Assert.Equal(channelId == "hotline" ? WaveFormatEncoding.MuLaw : WaveFormatEncoding.Pcm, reader.WaveFormat.Encoding);
        }

        var audio = AudioDecoder.DecodeTo16k(wav, "audio/wav", TimeSpan.FromSeconds(60));
        Assert.True(audio.Duration.TotalSeconds > 0.5 && audio.Rms() > 0.01, $"{audio.Duration} RMS {audio.Rms()}");
    }

    [Fact]
    public async Task OnTheWebPageTheSpokenTextJoinsItsDirectLineConversation()
    {
        File.WriteAllText(SidecarTranscriptSpeechToText.SidecarPath(fixture.Audio.Path("opus.webm")), SpeechAudioFixture.Utterance);
        var client = await fixture.Sidecar.ReadyClientAsync();
        using var generated = await client.PostAsync(new Uri("/v3/directline/tokens/generate", UriKind.Relative), null);
        var grant = await generated.Content.ReadFromJsonAsync<JsonElement>();
        var (conversation, token) = (grant.GetProperty("conversationId").GetString()!, grant.GetProperty("token").GetString()!);
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        (await client.PostAsync(new Uri("/v3/directline/conversations", UriKind.Relative), null)).EnsureSuccessStatusCode();

        using var response = await SpeechApiTests.PostAudioAsync(client, $"/api/speech?conversationId={Uri.EscapeDataString(conversation)}",
            "opus.webm", "audio/webm;codecs=opus", fixture.Audio);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var replies = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("replies");
        Assert.True(replies.GetArrayLength() > 0);
        var log = await client.GetFromJsonAsync<JsonElement>(new Uri($"/v3/directline/conversations/{Uri.EscapeDataString(conversation)}/activities", UriKind.Relative));
        var activities = log.GetProperty("activities").EnumerateArray().ToList();
        // The chat shows the spoken words as the citizen's message, then the bot's answer to them: one turn, not two.
        var spoken = Assert.Single(activities, a => a.GetProperty("from").GetProperty("role").GetString() == "user");
        Assert.Equal(SpeechAudioFixture.Utterance, spoken.GetProperty("text").GetString());
        Assert.Contains(activities, a => a.TryGetProperty("replyToId", out var r) && r.GetString() == spoken.GetProperty("id").GetString());
        Assert.Single(fixture.Sidecar.Turns.Incoming, a => a.Conversation?.Id == conversation && a.Type == ActivityTypes.Message);
    }

    [Fact]
    public async Task AnotherConversationsTokenIsRefused()
    {
        var client = await fixture.Sidecar.ReadyClientAsync();
        using var generated = await client.PostAsync(new Uri("/v3/directline/tokens/generate", UriKind.Relative), null);
        var token = (await generated.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("token").GetString()!;
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);

        using var response = await SpeechApiTests.PostAudioAsync(client, "/api/speech?conversationId=someone-else",
            "opus.webm", "audio/webm;codecs=opus", fixture.Audio);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }
}
