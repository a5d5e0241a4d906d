namespace Assistant.Bot.Speech;

/// <summary>What synthesized speech is delivered as: WAV PCM 16 kHz for the web, WAV G.711 µ-law 8 kHz for telephony.</summary>
public enum SpeechAudioFormat
{
    Wav16k,
    MuLaw8k,
}

/// <summary>Names on the wire (<c>wav16k</c>, <c>mulaw8k</c>).</summary>
public static class SpeechAudioFormats
{
    public static bool TryParse(string? name, out SpeechAudioFormat format)
    {
        format = SpeechAudioFormat.Wav16k;
        switch (name?.Trim().ToUpperInvariant())
        {
            case null or "" or "WAV16K":
                return true;
            case "MULAW8K":
                format = SpeechAudioFormat.MuLaw8k;
                return true;
            default:
                return false;
        }
    }

    public static int SampleRate(this SpeechAudioFormat format) => format == SpeechAudioFormat.MuLaw8k ? 8_000 : 16_000;
}
