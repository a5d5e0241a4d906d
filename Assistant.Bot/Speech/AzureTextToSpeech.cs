using System.Security;

namespace Assistant.Bot.Speech;

/// <summary>
/// Azure Speech text-to-speech REST API: SSML in, audio in the asked output format out. The 8 kHz µ-law format is one
/// Azure produces itself (riff-8khz-8bit-mono-mulaw), so telephony audio is not re-encoded here.
/// Docs: azure-ai-docs articles/ai-services/speech-service/rest-text-to-speech.md.
/// </summary>
public sealed class AzureTextToSpeech(HttpClient http, AzureSpeechOptions options, string language) : ITextToSpeech
{
    public const string UserAgent = "zhengwu-assistant";

    public string Engine => "azure";

    public static string OutputFormat(SpeechAudioFormat format) =>
        format == SpeechAudioFormat.MuLaw8k ? "riff-8khz-8bit-mono-mulaw" : "riff-16khz-16bit-mono-pcm";

    public static string Ssml(string text, string language, string voice) =>
        $"<speak version='1.0' xml:lang='{SecurityElement.Escape(language)}'><voice xml:lang='{SecurityElement.Escape(language)}' "
        + $"name='{SecurityElement.Escape(voice)}'>{SecurityElement.Escape(text)}</voice></speak>";

    public async Task<byte[]> SynthesizeAsync(string text, SpeechAudioFormat format, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(options.ResolveTtsEndpoint(), "/cognitiveservices/v1"));
        request.Headers.Add("Ocp-Apim-Subscription-Key", options.Key);
        request.Headers.Add("X-Microsoft-OutputFormat", OutputFormat(format));
        request.Headers.TryAddWithoutValidation("User-Agent", UserAgent);
        request.Content = new StringContent(Ssml(text, language, options.Voice), System.Text.Encoding.UTF8);
        request.Content.Headers.ContentType = new("application/ssml+xml");

        using var response = await AzureHttp.SendAsync(http, request, "synthesis", cancellationToken);
        var audio = await response.Content.ReadAsByteArrayAsync(cancellationToken);
        try
        {
            WavDecoder.Decode(audio);   // hand on only audio that decodes: a proxy's HTML error page must not reach a caller
        }
        catch (AudioRejectedException ex)
        {
            throw new SpeechServiceException("Azure speech synthesis returned audio that does not decode as WAV.", ex);
        }

        return audio;
    }
}
