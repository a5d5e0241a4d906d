using NAudio.Codecs;
using NAudio.Wave;

namespace Assistant.Bot.Speech;

/// <summary>Writes a clip as WAV in one of the delivery formats, resampling first (telephony is 8 kHz).</summary>
public static class WavEncoder
{
    public static byte[] Encode(AudioClip clip, SpeechAudioFormat format)
    {
        var resampled = Resampler.To(clip, format.SampleRate()).Samples.Span;
        byte[] bytes;
        WaveFormat waveFormat;
        if (format == SpeechAudioFormat.MuLaw8k)
        {
            waveFormat = WaveFormat.CreateMuLawFormat(8_000, 1);
            bytes = new byte[resampled.Length];
            for (var i = 0; i < bytes.Length; i++)
            {
                bytes[i] = MuLawEncoder.LinearToMuLawSample(ToPcm16(resampled[i]));
            }
        }
        else
        {
            waveFormat = new WaveFormat(16_000, 16, 1);
            bytes = new byte[resampled.Length * 2];
            for (var i = 0; i < resampled.Length; i++)
            {
                BitConverter.TryWriteBytes(bytes.AsSpan(2 * i), ToPcm16(resampled[i]));
            }
        }

        var output = new MemoryStream();
        using (var writer = new WaveFileWriter(output, waveFormat))
        {
            writer.Write(bytes, 0, bytes.Length);
        }   // disposing the writer fills in the RIFF and data sizes

        return output.ToArray();   // MemoryStream still gives its bytes after the writer closed it
    }

    private static short ToPcm16(float sample) => (short)Math.Clamp(MathF.Round(sample * 32767f), short.MinValue, short.MaxValue);
}
