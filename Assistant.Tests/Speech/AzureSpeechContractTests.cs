using System.Text;
using System.Xml.Linq;
using Assistant.Bot.Speech;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using NAudio.Wave;

namespace Assistant.Tests.Speech;

/// <summary>
/// CONTRACT TESTS: Azure Speech cannot be reached from here (no network, no key), so a local HTTP listener plays Azure.
/// It checks each request against the documented REST contract (URL, query, headers, audio format; azure-ai-docs
/// rest-speech-to-text-short.md and rest-text-to-speech.md) and answers with the documented JSON shapes. They prove we
/// speak the contract as documented; they do not prove Azure answers as documented.
/// </summary>
public sealed class AzureSpeechContractTests(SpeechAudioFixture audio) : IClassFixture<SpeechAudioFixture>
{
    private const string Key = "test-key-0123456789";

    // The documented detailed-format response (rest-speech-to-text-short.md, "Detailed response"), with Chinese text.
    private const string DetailedSuccess = """
        {"RecognitionStatus":"Success","Offset":1800000,"Duration":27300000,
         "NBest":[{"Confidence":0.91,"Lexical":"我 想 补办 身份证","ITN":"我想补办身份证","MaskedITN":"我想补办身份证","Display":"我想补办身份证。"},
                  {"Confidence":0.62,"Lexical":"我 想 补办 申份证","ITN":"我想补办申份证","MaskedITN":"我想补办申份证","Display":"我想补办申份证。"}]}
        """;

    [Fact]
    public async Task RecognitionSendsTheDocumentedRequestAndReadsTheNBestList()
    {
        await using var azure = await FakeAzure.StartAsync(async context =>
        {
            var request = context.Request;
            Assert.Equal("POST", request.Method);
            Assert.Equal("/speech/recognition/conversation/cognitiveservices/v1", request.Path.Value);
            Assert.Equal("zh-CN", request.Query["language"]);
            Assert.Equal("detailed", request.Query["format"]);
            Assert.Equal(Key, request.Headers["Ocp-Apim-Subscription-Key"]);
            Assert.Equal("audio/wav; codecs=audio/pcm; samplerate=16000", request.ContentType);
            Assert.Contains("application/json", request.Headers.Accept.ToString(), StringComparison.Ordinal);
            var body = await ReadAllAsync(request);
            using var wav = new WaveFileReader(new MemoryStream(body));
            Assert.Equal(new WaveFormat(16_000, 16, 1), wav.WaveFormat);
            Assert.InRange(wav.TotalTime.TotalSeconds, audio.Seconds - 0.03, audio.Seconds + 0.03);
            return Results.Text(DetailedSuccess, "application/json");
        });
        var stt = new AzureSpeechToText(new HttpClient(), azure.Options(Key), "zh-CN");

        var result = await stt.RecognizeAsync(Utterance(), CancellationToken.None);

        Assert.Equal(1, azure.Requests);
        Assert.Equal(RecognitionStatus.Recognized, result.Status);
        Assert.Equal("我想补办身份证。", result.Text);
        Assert.Equal(0.91, result.Confidence, 3);
        Assert.Equal("我想补办申份证。", Assert.Single(result.Alternatives).Text);
    }

    [Theory]
    [InlineData("""{"RecognitionStatus":"NoMatch","Offset":0,"Duration":0}""")]
    [InlineData("""{"RecognitionStatus":"InitialSilenceTimeout","Offset":50000000,"Duration":0}""")]
    [InlineData("""{"RecognitionStatus":"BabbleTimeout","Offset":0,"Duration":0}""")]
    public async Task NothingRecognisedIsNoMatch(string json)
    {
        await using var azure = await FakeAzure.StartAsync(_ => Task.FromResult(Results.Text(json, "application/json")));
        var stt = new AzureSpeechToText(new HttpClient(), azure.Options(Key), "zh-CN");

        var result = await stt.RecognizeAsync(Utterance(), CancellationToken.None);

        Assert.Equal(RecognitionStatus.NoMatch, result.Status);
        Assert.Equal("", result.Text);
    }

    [Theory]
    [InlineData(401, "check Speech:Azure:Key")]
    [InlineData(400, "HTTP 400")]
    [InlineData(200, "status Error")]
    public async Task AzureFailuresBecomeSpeechServiceErrorsWithoutTheKey(int status, string expected)
    {
        await using var azure = await FakeAzure.StartAsync(_ => Task.FromResult(status == 200
            ? Results.Text("""{"RecognitionStatus":"Error"}""", "application/json")
            : Results.StatusCode(status)));
        var stt = new AzureSpeechToText(new HttpClient(), azure.Options(Key), "zh-CN");

        var ex = await Assert.ThrowsAsync<SpeechServiceException>(() => stt.RecognizeAsync(Utterance(), CancellationToken.None));

        Assert.Contains(expected, ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(Key, ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(SpeechAudioFormat.Wav16k, "riff-16khz-16bit-mono-pcm", "wav16k.wav")]
    [InlineData(SpeechAudioFormat.MuLaw8k, "riff-8khz-8bit-mono-mulaw", "wav8k-mulaw.wav")]
    public async Task SynthesisSendsEscapedSsmlWithTheOutputFormat(SpeechAudioFormat format, string outputFormat, string answer)
    {
        await using var azure = await FakeAzure.StartAsync(async context =>
        {
            var request = context.Request;
            Assert.Equal("/cognitiveservices/v1", request.Path.Value);
            Assert.Equal(Key, request.Headers["Ocp-Apim-Subscription-Key"]);
            Assert.Equal(outputFormat, request.Headers["X-Microsoft-OutputFormat"]);
            Assert.StartsWith("application/ssml+xml", request.ContentType, StringComparison.Ordinal);
            Assert.False(string.IsNullOrEmpty(request.Headers.UserAgent));
            var ssml = XDocument.Parse(Encoding.UTF8.GetString(await ReadAllAsync(request)));   // well-formed despite "<&>"
            var voice = Assert.Single(ssml.Root!.Elements("voice"));
            Assert.Equal("zh-CN-XiaoxiaoNeural", voice.Attribute("name")?.Value);
            Assert.Equal("您好 <&> 请说", voice.Value);
            return Results.Bytes(audio.Bytes(answer), "audio/wav");
        });
        var tts = new AzureTextToSpeech(new HttpClient(), azure.Options(Key), "zh-CN");

        var wav = await tts.SynthesizeAsync("您好 <&> 请说", format, CancellationToken.None);

        Assert.Equal(audio.Bytes(answer), wav);
    }

    [Fact]
    public async Task SynthesisThatIsNotAudioIsAServiceError()
    {
        await using var azure = await FakeAzure.StartAsync(_ => Task.FromResult(Results.Text("<html>proxy error</html>", "text/html")));
        var tts = new AzureTextToSpeech(new HttpClient(), azure.Options(Key), "zh-CN");

        await Assert.ThrowsAsync<SpeechServiceException>(() => tts.SynthesizeAsync("您好", SpeechAudioFormat.Wav16k, CancellationToken.None));
    }

    private AudioClip Utterance() => AudioDecoder.DecodeTo16k(audio.Bytes("wav8k-mulaw.wav"), "audio/wav", TimeSpan.FromSeconds(60));

    private static async Task<byte[]> ReadAllAsync(HttpRequest request)
    {
        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer);
        return buffer.ToArray();
    }

    /// <summary>A loopback Kestrel server standing in for the Azure Speech endpoints; assertion failures answer 599.</summary>
    private sealed class FakeAzure : IAsyncDisposable
    {
        private readonly WebApplication _app;
        private int _requests;

        private FakeAzure(WebApplication app) => _app = app;

        public int Requests => _requests;

        public Uri Address => new(_app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());

        public static async Task<FakeAzure> StartAsync(Func<HttpContext, Task<IResult>> handle)
        {
            var builder = WebApplication.CreateSlimBuilder();
            builder.WebHost.UseUrls("http://127.0.0.1:0");
            var app = builder.Build();
            var fake = new FakeAzure(app);
            app.Run(async context =>
            {
                Interlocked.Increment(ref fake._requests);
                IResult result;
                try
                {
                    result = await handle(context);
                }
                catch (Xunit.Sdk.XunitException ex)
                {
                    result = Results.Text(ex.Message, statusCode: 599);   // the client then fails the test with HTTP 599
                }

                await result.ExecuteAsync(context);
            });
            await app.StartAsync();
            return fake;
        }

        public AzureSpeechOptions Options(string key) =>
            new() { Key = key, Region = "eastasia", SttEndpoint = Address, TtsEndpoint = Address };

        public async ValueTask DisposeAsync() => await _app.DisposeAsync();
    }
}
