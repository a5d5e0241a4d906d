using NAudio.Codecs;
using NAudio.Wave;

namespace Assistant.Bot.Speech;

/// <summary>
/// RIFF/WAVE in any common layout: PCM 8/16/24/32-bit, IEEE float, and G.711 µ-law/A-law (hotline recordings), at any
/// rate and channel count; channels are averaged to mono. NAudio's ToSampleProvider refuses G.711, so those bytes go
/// through its MuLaw/ALaw decoders by hand.
/// </summary>
public static class WavDecoder
{
    public static AudioClip Decode(byte[] data)
    {
        WaveFileReader reader;
        try
        {
            reader = new WaveFileReader(new MemoryStream(data, writable: false));
        }
        catch (Exception ex) when (ex is FormatException or EndOfStreamException or InvalidDataException or ArgumentException)
        {
            throw AudioRejectedException.Invalid($"The WAV header does not parse: {ex.Message}", ex);
        }

        using (reader)
        {
            var format = reader.WaveFormat;
            if (format.Channels is < 1 or > 8 || format.SampleRate is < 4_000 or > 192_000)
            {
                throw AudioRejectedException.Invalid($"The WAV header says {format.Channels} channels at {format.SampleRate} Hz, which is not audio this service takes.");
            }

            var interleaved = format.Encoding switch
            {
                WaveFormatEncoding.MuLaw => G711(reader, MuLawDecoder.MuLawToLinearSample),
                WaveFormatEncoding.ALaw => G711(reader, ALawDecoder.ALawToLinearSample),
                // Extensible (sox writes it for 24-bit and multichannel): NAudio reads it as PCM/float by its bit depth.
                WaveFormatEncoding.Pcm or WaveFormatEncoding.IeeeFloat or WaveFormatEncoding.Extensible => Samples(reader),
                _ => throw AudioRejectedException.Unsupported($"WAV encoding {format.Encoding} is not supported; send PCM, IEEE float, µ-law or A-law."),
            };
            return new AudioClip(ToMono(interleaved, format.Channels), format.SampleRate);
        }
    }

    private static float[] Samples(WaveFileReader reader)
    {
        try
        {
            var provider = reader.ToSampleProvider();
            var output = new float[reader.SampleCount * reader.WaveFormat.Channels];
            var written = 0;
            int read;
            while (written < output.Length && (read = provider.Read(output.AsSpan(written))) > 0)
            {
                written += read;
            }

            return written == output.Length ? output : output[..written];
        }
        catch (ArgumentException ex)
        {
            throw AudioRejectedException.Unsupported($"This WAV layout is not supported ({reader.WaveFormat}): {ex.Message}");
        }
    }

    private static float[] G711(WaveFileReader reader, Func<byte, short> decode)
    {
        var bytes = new byte[reader.Length];
        var read = reader.Read(bytes, 0, bytes.Length);
        var output = new float[read];
        for (var i = 0; i < read; i++)
        {
            output[i] = decode(bytes[i]) / 32768f;
        }

        return output;
    }

    private static float[] ToMono(float[] interleaved, int channels)
    {
        if (channels == 1)
        {
            return interleaved;
        }

        var mono = new float[interleaved.Length / channels];
        for (var frame = 0; frame < mono.Length; frame++)
        {
            float sum = 0;
            for (var c = 0; c < channels; c++)
            {
                sum += interleaved[frame * channels + c];
            }

            mono[frame] = sum / channels;
        }

        return mono;
    }
}
