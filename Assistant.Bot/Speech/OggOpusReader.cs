using System.Buffers.Binary;

namespace Assistant.Bot.Speech;

/// <summary>
/// Takes the Opus packets out of an Ogg file (RFC 3533 pages, RFC 7845 Opus mapping). Only the first logical stream is
/// read; a packet that spans pages is joined through the 255-byte lacing values. Page CRCs are not checked: a damaged
/// page surfaces as an Opus packet that does not decode, which is reported the same way.
/// </summary>
public static class OggOpusReader
{
    public static bool LooksLikeOgg(ReadOnlySpan<byte> data) => data.Length >= 4 && data[..4].SequenceEqual("OggS"u8);

    public static OpusTrack Read(ReadOnlyMemory<byte> memory)
    {
        var data = memory.Span;
        if (!LooksLikeOgg(data))
        {
            throw AudioRejectedException.Invalid("The body is not Ogg: it does not start with an OggS page.");
        }

        var packets = new List<ReadOnlyMemory<byte>>();
        var partial = new List<byte>();
        uint? serial = null;
        var pos = 0;
        while (pos + 27 <= data.Length && data.Slice(pos, 4).SequenceEqual("OggS"u8))
        {
            var pageSerial = BinaryPrimitives.ReadUInt32LittleEndian(data[(pos + 14)..]);
            int segments = data[pos + 26];
            var bodyStart = pos + 27 + segments;
            if (bodyStart > data.Length)
            {
                break;
            }

            var lacing = data.Slice(pos + 27, segments);
            var bodyLength = 0;
            foreach (var l in lacing)
            {
                bodyLength += l;
            }

            if (bodyStart + bodyLength > data.Length)
            {
                break;   // truncated last page: keep the complete ones
            }

            serial ??= pageSerial;
            if (pageSerial == serial)
            {
                var offset = bodyStart;
                foreach (var l in lacing)
                {
                    partial.AddRange(data.Slice(offset, l));
                    offset += l;
                    if (l < 255)
                    {
                        packets.Add(partial.ToArray());
                        partial.Clear();
                    }
                }
            }

            pos = bodyStart + bodyLength;
        }

        if (packets.Count == 0)
        {
            throw AudioRejectedException.Invalid("The Ogg file holds no complete packet.");
        }

        if (!packets[0].Span.StartsWith("OpusHead"u8))
        {
            throw AudioRejectedException.Unsupported("The Ogg file is not Opus (no OpusHead); send Ogg/Opus, WebM/Opus or WAV.");
        }

        var (channels, preSkip) = OpusTrack.ParseHead(packets[0].Span);
        // Packet 2 is OpusTags; audio follows (RFC 7845 §3).
        return new OpusTrack(packets.Count > 2 ? packets[2..] : [], channels, preSkip);
    }
}
