namespace Assistant.Bot.Speech;

/// <summary>The engines chosen at start-up; either may be null (not configured), which the endpoints answer with 503.</summary>
public sealed class SpeechEngines(ISpeechToText? recognizer, ITextToSpeech? synthesizer)
{
    public ISpeechToText? Recognizer { get; } = recognizer;

    public ITextToSpeech? Synthesizer { get; } = synthesizer;
}
