using Assistant.Bot.Speech;

namespace Assistant.Tests.Speech;

/// <summary>
/// TEST DOUBLE for recognition: no Mandarin model can be installed here, so the "recognised" text is read from a sidecar
/// file next to the audio (<c>clip.webm</c> → <c>clip.webm.transcript.txt</c>). It still checks that the audio it was
/// given is the clip (same duration, not silence), so the decoding path in front of it is exercised for real.
/// </summary>
public sealed class SidecarTranscriptSpeechToText(string audioPath, double expectedSeconds) : ISpeechToText
{
    public static string SidecarPath(string audioPath) => audioPath + ".transcript.txt";

    public string Engine => "sidecar-transcript";

    public Task<SpeechRecognition> RecognizeAsync(AudioClip clip, CancellationToken cancellationToken)
    {
        if (Math.Abs(clip.Duration.TotalSeconds - expectedSeconds) > 0.05 || clip.Rms() < 0.01 || clip.SampleRate != 16_000)
        {
            return Task.FromResult(SpeechRecognition.NoMatch);   // not the clip this transcript belongs to
        }

        var text = File.ReadAllText(SidecarPath(audioPath)).Trim();
        return Task.FromResult(new SpeechRecognition(RecognitionStatus.Recognized, text, 0.9, [new RecognitionAlternative(text + "吗", 0.4)]));
    }
}
