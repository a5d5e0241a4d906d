namespace Assistant.Bot.Speech;

/// <summary><c>Speech:Espeak</c>: the local synthesizer used when Azure is not configured (Debian package espeak-ng).</summary>
public sealed class EspeakSpeechOptions
{
    /// <summary>Program name (looked up on PATH) or full path; empty turns espeak-ng off.</summary>
    public string? Program { get; set; } = "espeak-ng";

    /// <summary><c>cmn-latn-pinyin</c> reads tone-numbered pinyin as Mandarin; <c>cmn</c> reads Chinese through English
    /// rules in espeak-ng 1.51 (espeak-ng issue #1236), so the text is turned into pinyin first.</summary>
    public string Voice { get; set; } = "cmn-latn-pinyin";

    public int WordsPerMinute { get; set; } = 150;

    public int TimeoutSeconds { get; set; } = 20;
}
