using Assistant.Search;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Assistant.Bot.Speech;

/// <summary>
/// Registers the speech layer. Engines are chosen once: recognition by Azure (key + region) else Whisper (a model path)
/// else none; synthesis by Azure else espeak-ng (when installed) else none.
/// </summary>
public static partial class SpeechServiceCollectionExtensions
{
    public static IServiceCollection AddAssistantSpeech(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<SpeechOptions>().Bind(configuration.GetSection(SpeechOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton(sp =>
        {
            var options = sp.GetRequiredService<IOptions<SpeechOptions>>().Value;
            var logger = sp.GetRequiredService<ILoggerFactory>().CreateLogger<SpeechEngines>();
            var engines = new SpeechEngines(CreateRecognizer(sp, options), CreateSynthesizer(sp, options));
            LogEngines(logger, engines.Recognizer?.Engine ?? "none", engines.Synthesizer?.Engine ?? "none");
            return engines;
        });
        return services;
    }

    private static ISpeechToText? CreateRecognizer(IServiceProvider sp, SpeechOptions options)
    {
        if (options.Azure.IsConfigured)
        {
            return new AzureSpeechToText(AzureClient(options.Azure), options.Azure, options.Language);
        }

        // A configured but missing model fails start-up with the path in the message, rather than silently going text-only.
        return options.Whisper.ResolveModelPath() is { } model
            ? new WhisperSpeechToText(model, options.Whisper.Threads, options.Language)
            : null;
    }

    private static ITextToSpeech? CreateSynthesizer(IServiceProvider sp, SpeechOptions options)
    {
        if (options.Azure.IsConfigured)
        {
            return new AzureTextToSpeech(AzureClient(options.Azure), options.Azure, options.Language);
        }

        if (EspeakTextToSpeech.Locate(options.Espeak.Program) is not { } program)
        {
            return null;
        }

        // The character table search already loaded: one copy of the 41,000 readings in memory.
        var resources = sp.GetRequiredService<SearchResources>();
        return new EspeakTextToSpeech(program, options.Espeak, SpeechPinyin.Load(resources.DataPath, resources.Features.PinyinTable));
    }

    /// <summary>One long-lived client per engine; pooled connections are recycled so DNS changes are picked up.</summary>
    private static HttpClient AzureClient(AzureSpeechOptions options) =>
        new(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) })
        {
            Timeout = TimeSpan.FromSeconds(options.TimeoutSeconds),
        };

    [LoggerMessage(Level = LogLevel.Information, Message = "Speech engines: recognition {Recognition}, synthesis {Synthesis}")]
    private static partial void LogEngines(ILogger logger, string recognition, string synthesis);
}
