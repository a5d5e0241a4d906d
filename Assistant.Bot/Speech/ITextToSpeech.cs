namespace Assistant.Bot.Speech;

/// <summary>A speech synthesizer (Azure REST, or espeak-ng locally), chosen once at start-up.</summary>
public interface ITextToSpeech
{
    /// <summary>Short engine name for /api/speech/status and logs (<c>azure</c>, <c>espeak-ng</c>).</summary>
    string Engine { get; }

    /// <summary>Speaks plain Chinese text; returns a complete WAV file in the asked format.</summary>
    Task<byte[]> SynthesizeAsync(string text, SpeechAudioFormat format, CancellationToken cancellationToken);
}
