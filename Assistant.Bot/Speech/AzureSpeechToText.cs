using System.Net.Http.Headers;
using System.Text.Json;

namespace Assistant.Bot.Speech;

/// <summary>
/// Azure Speech "REST API for short audio" (no SDK: Microsoft.CognitiveServices.Speech is not served here). Sends 16 kHz
/// mono PCM WAV, asks for the detailed format to get the N-best list with confidences.
/// Docs: azure-ai-docs articles/ai-services/speech-service/rest-speech-to-text-short.md.
/// </summary>
public sealed class AzureSpeechToText(HttpClient http, AzureSpeechOptions options, string language) : ISpeechToText
{
    public const string WavContentType = "audio/wav; codecs=audio/pcm; samplerate=16000";

    public string Engine => "azure";

    public async Task<SpeechRecognition> RecognizeAsync(AudioClip clip, CancellationToken cancellationToken)
    {
        var query = $"?language={Uri.EscapeDataString(language)}&format=detailed&profanity=masked";
        using var request = new HttpRequestMessage(HttpMethod.Post,
            new Uri(options.ResolveSttEndpoint(), "/speech/recognition/conversation/cognitiveservices/v1" + query));
        request.Headers.Add("Ocp-Apim-Subscription-Key", options.Key);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        request.Content = new ByteArrayContent(WavEncoder.Encode(clip, SpeechAudioFormat.Wav16k));
        request.Content.Headers.TryAddWithoutValidation("Content-Type", WavContentType);

        using var response = await AzureHttp.SendAsync(http, request, "recognition", cancellationToken);
        using var json = await JsonDocument.ParseAsync(await response.Content.ReadAsStreamAsync(cancellationToken), default, cancellationToken);
        return Parse(json.RootElement);
    }

    /// <summary>Maps a detailed (or simple) response; Success without text counts as NoMatch.</summary>
    public static SpeechRecognition Parse(JsonElement root)
    {
        var status = root.TryGetProperty("RecognitionStatus", out var s) ? s.GetString() : null;
        switch (status)
        {
            case "Success":
                break;
            case "NoMatch" or "InitialSilenceTimeout" or "BabbleTimeout":
                return SpeechRecognition.NoMatch;
            default:
                throw new SpeechServiceException($"Azure speech recognition returned status {status ?? "(none)"}.");
        }

        var candidates = new List<RecognitionAlternative>();
        if (root.TryGetProperty("NBest", out var nbest) && nbest.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in nbest.EnumerateArray())
            {
                var text = item.TryGetProperty("Display", out var d) ? d.GetString() : null;
                var confidence = item.TryGetProperty("Confidence", out var c) && c.TryGetDouble(out var v) ? v : 0;
                if (!string.IsNullOrWhiteSpace(text))
                {
                    candidates.Add(new RecognitionAlternative(text, confidence));
                }
            }
        }
        else if (root.TryGetProperty("DisplayText", out var display) && !string.IsNullOrWhiteSpace(display.GetString()))
        {
            candidates.Add(new RecognitionAlternative(display.GetString()!, 0));   // simple format has no confidence
        }

        if (candidates.Count == 0)
        {
            return SpeechRecognition.NoMatch;
        }

        // Azure lists NBest best first; keep that order rather than re-sorting ties.
        return new SpeechRecognition(RecognitionStatus.Recognized, candidates[0].Text, candidates[0].Confidence, candidates[1..]);
    }
}
