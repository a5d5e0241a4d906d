namespace Assistant.Bot.Speech;

/// <summary>Mono audio as float samples in [-1, 1]; inside the speech layer it is 16 kHz unless a name says otherwise.</summary>
public sealed record AudioClip(ReadOnlyMemory<float> Samples, int SampleRate)
{
    public const int RecognitionRate = 16_000;

    public TimeSpan Duration => TimeSpan.FromSeconds((double)Samples.Length / SampleRate);

    /// <summary>Root mean square level, used by tests and logs to tell silence from speech.</summary>
    public double Rms()
    {
        if (Samples.IsEmpty)
        {
            return 0;
        }

        double sum = 0;
        foreach (var s in Samples.Span)
        {
            sum += s * s;
        }

        return Math.Sqrt(sum / Samples.Length);
    }
}
