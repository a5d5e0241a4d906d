using NAudio.Wave;
using NAudio.Wave.SampleProviders;

namespace Assistant.Bot.Speech;

/// <summary>Sample-rate conversion with NAudio's WDL resampler (managed, no native codec needed on Linux).</summary>
public static class Resampler
{
    public static AudioClip To(AudioClip clip, int rate)
    {
        if (clip.SampleRate == rate || clip.Samples.IsEmpty)
        {
            return clip with { SampleRate = clip.Samples.IsEmpty ? rate : clip.SampleRate };
        }

        var source = new ClipSampleProvider(clip);
        var resampler = new WdlResamplingSampleProvider(source, rate);
        var expected = (int)((long)clip.Samples.Length * rate / clip.SampleRate);
        var output = new float[expected + 1024];
        var written = 0;
        int read;
        while (written < output.Length && (read = resampler.Read(output.AsSpan(written))) > 0)
        {
            written += read;
        }

        // The WDL filter's tail can add a few samples; keep the duration the source had.
        return new AudioClip(output.AsMemory(0, Math.Min(written, expected)), rate);
    }

    /// <summary>Feeds a clip to NAudio's pull model.</summary>
    private sealed class ClipSampleProvider(AudioClip clip) : ISampleProvider
    {
        private int _position;

        public WaveFormat WaveFormat { get; } = WaveFormat.CreateIeeeFloatWaveFormat(clip.SampleRate, 1);

        public int Read(Span<float> buffer)
        {
            var count = Math.Min(buffer.Length, clip.Samples.Length - _position);
            clip.Samples.Span.Slice(_position, count).CopyTo(buffer);
            _position += count;
            return count;
        }
    }
}
