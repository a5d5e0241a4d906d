using Assistant.Api.DirectLine;
using Assistant.Bot.Protocol;
using Assistant.Bot.Speech;
using Assistant.Bot.Turns;
using Microsoft.Extensions.Options;

namespace Assistant.Api.Endpoints;

/// <summary>
/// Voice in and out: <c>POST /api/speech</c> (audio → text → a turn of the conversation → replies),
/// <c>POST /api/tts</c> (text → audio) and <c>GET /api/speech/status</c> (which engines run, so the page can fall back
/// to text). Failures are problem details: 4xx for the caller's audio, 503 for an engine not configured, 502 for an
/// engine that failed; never 500.
/// </summary>
public static partial class SpeechEndpoints
{
    private static readonly string[] s_formats = ["wav16k", "mulaw8k"];

    public static IEndpointRouteBuilder MapSpeechEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/speech/status", (SpeechEngines engines) => Results.Ok(new
        {
            // What the web page's microphone button asks: can spoken requests be understood at all?
            available = engines.Recognizer is not null,
            recognition = engines.Recognizer?.Engine,
            synthesis = engines.Synthesizer?.Engine,
            formats = s_formats,
        })).WithName("SpeechStatus");
        app.MapPost("/api/speech", RecognizeAsync).WithName("Speech").WithSummary("Recognise audio and run it as a turn")
            .RequireRateLimiting(RateLimits.Speech);
        app.MapPost("/api/tts", SynthesizeAsync).WithName("TextToSpeech").WithSummary("Speak text as WAV")
            .RequireRateLimiting(RateLimits.Speech);
        return app;
    }

    private static async Task<IResult> RecognizeAsync(HttpContext http, string? conversationId, string? channel,
        SpeechEngines engines, IOptions<SpeechOptions> options, ILogger<SpeechTurnResponse> logger, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(conversationId) || conversationId.Length > 128)
        {
            return ApiProblem.Of(400, "Invalid request", "conversationId is required (at most 128 characters).");
        }

        var channelId = channel switch
        {
            null or "" or SpeechActivity.SpeechChannel => SpeechActivity.SpeechChannel,
            SpeechActivity.HotlineChannel => SpeechActivity.HotlineChannel,
            _ => null,
        };
        if (channelId is null)
        {
            return ApiProblem.Of(400, "Invalid request", "channel must be speech or hotline.");
        }

        // The web page speaks inside its Direct Line conversation: with that conversation's token the recognised text is
        // posted there, so Web Chat shows it and the replies like any typed message (and the turn runs only once).
        DirectLineConversation? directLine = null;
        if (http.Request.Headers.Authorization.Count > 0)
        {
            if (!DirectLineAuth.TryAuthorize(http, http.RequestServices.GetRequiredService<DirectLineTokenService>(), conversationId,
                    out _, out _, out var refused))
            {
                return refused!;
            }

            directLine = http.RequestServices.GetRequiredService<DirectLineConversations>().Find(conversationId);
            if (directLine is null)
            {
                return ApiProblem.Of(404, "Conversation not found", "The Direct Line conversation has ended; start a new one.");
            }

            if (http.RequestServices.GetRequiredService<DirectLineChannel>().IsFull(directLine))
            {
                return ApiProblem.Of(429, "Conversation too long", "This conversation has reached its limit; please start a new one.");
            }
        }

        if (engines.Recognizer is not { } recognizer)
        {
            return ApiProblem.Of(503, "Speech recognition not configured",
                "Speech recognition is not configured (set Speech:Azure:Key and Region, or Speech:Whisper:ModelPath); send text instead.");
        }

        if (http.RequestServices.GetService<ITurnProcessor>() is not { } turns)
        {
            return ApiProblem.Of(503, "Dialogue not available", "The dialogue is not registered in this build.");
        }

        var timing = new ServerTiming();
        AudioClip clip;
        try
        {
            var body = await RequestBody.ReadAudioAsync(http.Request, options.Value.MaxUploadBytes, ct);
            clip = AudioDecoder.DecodeTo16k(body, http.Request.ContentType, TimeSpan.FromSeconds(options.Value.MaxSeconds));
        }
        catch (AudioRejectedException ex)
        {
            LogRejected(logger, ex.StatusCode, ex.Message);
            return ApiProblem.Of(ex.StatusCode, "Audio not accepted", ex.Message);
        }

        timing.Mark("decode");
        SpeechRecognition recognition;
        try
        {
            recognition = await recognizer.RecognizeAsync(clip, ct);
        }
        catch (SpeechServiceException ex)
        {
            LogEngineFailed(logger, recognizer.Engine, ex.Message);
            return ApiProblem.Of(502, "Speech recognition failed", ex.Message);
        }

        timing.Mark("recognize");
        // The recognised words are the citizen's and may hold an ID or phone number: log their length, never the text.
        LogRecognized(logger, recognizer.Engine, recognition.Status, recognition.Text.Length, clip.Duration.TotalSeconds);
        IReadOnlyList<Activity> replies = [];
        if (recognition.Status == RecognitionStatus.Recognized)
        {
            var activity = SpeechActivity.Create(conversationId, channelId, recognizer.Engine, recognition);
            replies = directLine is null
                ? (await turns.ProcessAsync(activity, ct)).Replies
                : (await http.RequestServices.GetRequiredService<DirectLineChannel>().PostAsync(directLine, activity)).Replies;
        }

        timing.Mark("turn");
        http.Response.Headers["Server-Timing"] = timing.ToString();
        return Results.Json(new SpeechTurnResponse(recognition.Text, Math.Round(recognition.Confidence, 4),
            recognition.Status == RecognitionStatus.Recognized ? "recognized" : "noMatch", replies), ActivityJson.Options);
    }


    private static async Task<IResult> SynthesizeAsync(TtsRequest? request, SpeechEngines engines, IOptions<SpeechOptions> options,
        ILogger<SpeechTurnResponse> logger, CancellationToken ct)
    {
        if (request is null || string.IsNullOrWhiteSpace(request.Text) || request.Text.Length > options.Value.MaxTextLength)
        {
            return ApiProblem.Of(400, "Invalid request", $"text is required (at most {options.Value.MaxTextLength} characters).");
        }

        if (!SpeechAudioFormats.TryParse(request.Format, out var format))
        {
            return ApiProblem.Of(400, "Invalid request", "format must be wav16k or mulaw8k.");
        }

        if (engines.Synthesizer is not { } synthesizer)
        {
            return ApiProblem.Of(503, "Speech synthesis not configured",
                "Speech synthesis is not configured (set Speech:Azure:Key and Region, or install espeak-ng).");
        }

        try
        {
            return Results.File(await synthesizer.SynthesizeAsync(request.Text, format, ct), "audio/wav");
        }
        catch (ArgumentException ex)
        {
            return ApiProblem.Of(400, "Invalid request", ex.Message);
        }
        catch (SpeechServiceException ex)
        {
            LogEngineFailed(logger, synthesizer.Engine, ex.Message);
            return ApiProblem.Of(502, "Speech synthesis failed", ex.Message);
        }
    }


    [LoggerMessage(Level = LogLevel.Information, Message = "Audio rejected with {Status}: {Reason}")]
    private static partial void LogRejected(ILogger logger, int status, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Speech engine {Engine} failed: {Reason}")]
    private static partial void LogEngineFailed(ILogger logger, string engine, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Speech by {Engine}: {Status}, {Characters} characters from {Seconds:0.0} s of audio")]
    private static partial void LogRecognized(ILogger logger, string engine, RecognitionStatus status, int characters, double seconds);

    /// <summary>Collects stage durations for the Server-Timing header (how the latency figures in bench/README.md are read).</summary>
    private sealed class ServerTiming
    {
        private readonly System.Diagnostics.Stopwatch _watch = System.Diagnostics.Stopwatch.StartNew();
        private readonly List<string> _entries = [];
        private TimeSpan _last;

        public void Mark(string stage)
        {
            var now = _watch.Elapsed;
            _entries.Add(FormattableString.Invariant($"{stage};dur={(now - _last).TotalMilliseconds:0.0}"));
            _last = now;
        }

        public override string ToString() => string.Join(", ", _entries);
    }
}

/// <summary>The answer of <c>POST /api/speech</c>.</summary>
public sealed record SpeechTurnResponse(string Text, double Confidence, string Status, IReadOnlyList<Activity> Replies);

/// <summary>The body of <c>POST /api/tts</c>.</summary>
public sealed record TtsRequest(string? Text, string? Format);
