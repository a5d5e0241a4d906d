using Concentus;

namespace Assistant.Bot.Speech;

/// <summary>
/// Decodes Opus packets to 48 kHz mono with Concentus (a managed port of libopus): no native codec and no ffmpeg process
/// per request. bench/README.md has the measured comparison with an ffmpeg pipe.
/// </summary>
public static class OpusDecoder
{
    private const int Rate = 48_000;
    private const int MaxFrame = 5_760;   // 120 ms at 48 kHz, the longest Opus packet

    public static AudioClip Decode(OpusTrack stream, int maxSamples)
    {
        var decoder = OpusCodecFactory.CreateDecoder(Rate, stream.Channels);
        var frame = new float[MaxFrame * stream.Channels];
        var mono = new List<float>(Math.Min(maxSamples, stream.Packets.Count * 960));
        foreach (var packet in stream.Packets)
        {
            if (packet.IsEmpty)
            {
                continue;
            }

            int samples;
            try
            {
                samples = decoder.Decode(packet.Span, frame, MaxFrame, false);
            }
            catch (Exception ex) when (ex is ArgumentException or InvalidOperationException or IndexOutOfRangeException or OpusException)
            {
                throw AudioRejectedException.Invalid($"An Opus packet does not decode ({ex.Message}).", ex);
            }

            for (var i = 0; i < samples; i++)
            {
                mono.Add(stream.Channels == 1 ? frame[i] : (frame[2 * i] + frame[2 * i + 1]) / 2);
            }

            if (mono.Count > maxSamples)
            {
                break;   // the caller rejects it as too long; no need to decode the rest
            }
        }

        var skip = Math.Min(stream.PreSkip, mono.Count);
        return new AudioClip(mono.ToArray().AsMemory(skip), Rate);
    }
}
