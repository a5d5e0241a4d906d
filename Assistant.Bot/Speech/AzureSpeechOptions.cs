namespace Assistant.Bot.Speech;

/// <summary>
/// <c>Speech:Azure</c>: the Speech resource's key and region (both set → Azure recognises and speaks). Keep the key in
/// user-secrets or the environment (<c>Speech__Azure__Key</c>), never in appsettings.json.
/// </summary>
public sealed class AzureSpeechOptions
{
    public string? Key { get; set; }

    public string? Region { get; set; }

    /// <summary>Overrides <c>https://{region}.stt.speech.microsoft.com</c> (the China cloud: <c>https://{region}.stt.speech.azure.cn</c>).</summary>
    public Uri? SttEndpoint { get; set; }

    /// <summary>Overrides <c>https://{region}.tts.speech.microsoft.com</c>.</summary>
    public Uri? TtsEndpoint { get; set; }

    /// <summary>Neural voice; the region's voices/list endpoint is the authority on names.</summary>
    public string Voice { get; set; } = "zh-CN-XiaoxiaoNeural";

    public int TimeoutSeconds { get; set; } = 30;

    public bool IsConfigured => !string.IsNullOrWhiteSpace(Key) && !string.IsNullOrWhiteSpace(Region);

    public Uri ResolveSttEndpoint() => SttEndpoint ?? new Uri($"https://{Region}.stt.speech.microsoft.com");

    public Uri ResolveTtsEndpoint() => TtsEndpoint ?? new Uri($"https://{Region}.tts.speech.microsoft.com");
}
