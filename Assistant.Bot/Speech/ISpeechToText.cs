namespace Assistant.Bot.Speech;

/// <summary>A speech recogniser (Azure REST, Whisper.net, or a test double), chosen once at start-up.</summary>
public interface ISpeechToText
{
    /// <summary>Short engine name for /api/speech/status and logs (<c>azure</c>, <c>whisper</c>).</summary>
    string Engine { get; }

    /// <summary>Recognises 16 kHz mono audio. Throws <see cref="SpeechServiceException"/> when the engine fails.</summary>
    Task<SpeechRecognition> RecognizeAsync(AudioClip clip, CancellationToken cancellationToken);
}

/// <summary>Recognised (text found), NoMatch (speech not understood, silence), as Azure's RecognitionStatus groups them.</summary>
public enum RecognitionStatus
{
    Recognized,
    NoMatch,
}

/// <summary>What a recogniser heard: the best text and the other candidates (Azure's N-best), best first.</summary>
public sealed record SpeechRecognition(RecognitionStatus Status, string Text, double Confidence, IReadOnlyList<RecognitionAlternative> Alternatives)
{
    public static readonly SpeechRecognition NoMatch = new(RecognitionStatus.NoMatch, "", 0, []);
}

/// <summary>One recognition candidate.</summary>
public sealed record RecognitionAlternative(string Text, double Confidence);
