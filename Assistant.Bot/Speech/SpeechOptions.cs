using System.ComponentModel.DataAnnotations;

namespace Assistant.Bot.Speech;

/// <summary>The <c>Speech</c> configuration section: limits, and which engines run (see the engine option classes).</summary>
public sealed class SpeechOptions
{
    public const string Section = "Speech";

    /// <summary>BCP-47 language sent to the engines.</summary>
    [Required]
    public string Language { get; set; } = "zh-CN";

    /// <summary>Largest upload accepted by /api/speech (10 MB: a minute of 16 kHz WAV is under 2 MB).</summary>
    [Range(1024, 50 * 1024 * 1024)]
    public int MaxUploadBytes { get; set; } = 10 * 1024 * 1024;

    /// <summary>Longest audio accepted; 60 s is also the cap of Azure's short-audio REST API.</summary>
    [Range(1, 60)]
    public int MaxSeconds { get; set; } = 60;

    /// <summary>Longest text /api/tts speaks.</summary>
    [Range(1, 5000)]
    public int MaxTextLength { get; set; } = 1000;

    /// <summary>
    /// Calls of /api/speech and /api/tts one client address may make per minute together: each decodes or synthesises
    /// audio (0.1–0.6 s of CPU), or costs an Azure call. A citizen speaks a few times a minute.
    /// </summary>
    [Range(1, 100_000)]
    public int RequestsPerClientPerMinute { get; set; } = 30;

    public AzureSpeechOptions Azure { get; set; } = new();

    public WhisperSpeechOptions Whisper { get; set; } = new();

    public EspeakSpeechOptions Espeak { get; set; } = new();
}
