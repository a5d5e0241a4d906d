namespace Assistant.Bot.Speech;

/// <summary>The Opus packets of one audio track, as a container (WebM or Ogg) holds them.</summary>
/// <param name="Channels">From the OpusHead (1 or 2).</param>
/// <param name="PreSkip">Samples at 48 kHz the encoder asks the decoder to drop at the start (RFC 7845 §4.2).</param>
public sealed record OpusTrack(IReadOnlyList<ReadOnlyMemory<byte>> Packets, int Channels, int PreSkip)
{
    /// <summary>Reads channels and pre-skip from an OpusHead (RFC 7845 §5.1): the Ogg header packet, or WebM CodecPrivate.</summary>
    public static (int Channels, int PreSkip) ParseHead(ReadOnlySpan<byte> head)
    {
        if (head.Length < 19 || !head[..8].SequenceEqual("OpusHead"u8))
        {
            throw AudioRejectedException.Invalid("The Opus stream has no valid OpusHead header.");
        }

        int channels = head[9];
        if (channels is < 1 or > 2)
        {
            throw AudioRejectedException.Unsupported($"Opus with {channels} channels is not supported; send mono or stereo.");
        }

        return (channels, head[10] | head[11] << 8);
    }
}
