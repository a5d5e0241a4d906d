using System.Buffers.Binary;
using System.Text;

namespace Assistant.Bot.Speech;

/// <summary>
/// Takes the Opus packets out of a WebM (Matroska) file such as Chromium's MediaRecorder writes. A flat walk over EBML
/// elements: the few master elements on the way to the blocks are entered, everything else is skipped by its size.
/// Walking flat (not recursively) is what lets live recordings through: MediaRecorder writes Segment and Cluster with
/// "unknown size", which only a walker that simply steps inside them can handle.
/// </summary>
public static class WebmOpusReader
{
    private const uint EbmlHeader = 0x1A45DFA3, Segment = 0x18538067, Cluster = 0x1F43B675, BlockGroup = 0xA0;
    private const uint Tracks = 0x1654AE6B, TrackEntry = 0xAE, TrackNumber = 0xD7, TrackType = 0x83, CodecId = 0x86;
    private const uint CodecPrivate = 0x63A2, SimpleBlock = 0xA3, Block = 0xA1;

    public static bool LooksLikeWebm(ReadOnlySpan<byte> data) =>
        data.Length >= 4 && BinaryPrimitives.ReadUInt32BigEndian(data) == EbmlHeader;

    public static OpusTrack Read(ReadOnlyMemory<byte> memory)
    {
        var data = memory.Span;
        if (!LooksLikeWebm(data))
        {
            throw AudioRejectedException.Invalid("The body is not WebM: it does not start with an EBML header.");
        }

        var tracks = new List<(long Number, string Codec, byte[] Private, long Type)>();
        var blocks = new List<(long Track, ReadOnlyMemory<byte> Payload)>();
        var pos = 0;
        while (pos < data.Length)
        {
            if (!TryReadId(data, ref pos, out var id) || !TryReadSize(data, ref pos, out var size))
            {
                break;   // a recording cut short mid-element: keep what was complete
            }

            if (id is Segment or Cluster or BlockGroup or Tracks)
            {
                continue;   // enter: children follow
            }

            if (size < 0)
            {
                throw AudioRejectedException.Invalid($"WebM element 0x{id:X} has an unknown size where one is required.");
            }

            if (size > data.Length - pos)
            {
                break;
            }

            var body = memory.Slice(pos, (int)size);
            switch (id)
            {
                case TrackEntry:
                    tracks.Add(ReadTrack(body.Span));
                    break;
                case SimpleBlock or Block:
                    if (ReadBlock(body) is { } block)
                    {
                        blocks.Add(block);
                    }

                    break;
            }

            pos += (int)size;
        }

        if (tracks.Count == 0)
        {
            throw AudioRejectedException.Invalid("The WebM file holds no track (truncated, or not a recording).");
        }

        var opus = tracks.FirstOrDefault(t => t.Codec == "A_OPUS");
        if (opus.Codec is null)
        {
            throw AudioRejectedException.Unsupported(
                $"The WebM file has no Opus audio track ({string.Join(", ", tracks.Select(t => t.Codec))}); record audio/webm;codecs=opus.");
        }

        var (channels, preSkip) = OpusTrack.ParseHead(opus.Private);
        return new OpusTrack([.. blocks.Where(b => b.Track == opus.Number).Select(b => b.Payload)], channels, preSkip);
    }

    private static (long, string, byte[], long) ReadTrack(ReadOnlySpan<byte> entry)
    {
        long number = 0, type = 0;
        var codec = "";
        var codecPrivate = Array.Empty<byte>();
        var pos = 0;
        while (pos < entry.Length && TryReadId(entry, ref pos, out var id) && TryReadSize(entry, ref pos, out var size)
               && size >= 0 && size <= entry.Length - pos)
        {
            var value = entry.Slice(pos, (int)size);
            switch (id)
            {
                case TrackNumber: number = ReadUnsigned(value); break;
                case TrackType: type = ReadUnsigned(value); break;
                case CodecId: codec = Encoding.ASCII.GetString(value).TrimEnd('\0'); break;
                case CodecPrivate: codecPrivate = value.ToArray(); break;
            }

            pos += (int)size;
        }

        return (number, codec, codecPrivate, type);
    }

    /// <summary>Block layout (Matroska §10.2): track vint, 16-bit timecode, flags, then the frame. Lacing is refused.</summary>
    private static (long, ReadOnlyMemory<byte>)? ReadBlock(ReadOnlyMemory<byte> block)
    {
        var span = block.Span;
        var pos = 0;
        if (!TryReadSize(span, ref pos, out var track) || pos + 3 > span.Length)
        {
            return null;
        }

        var flags = span[pos + 2];
        if ((flags & 0x06) != 0)
        {
            throw AudioRejectedException.Unsupported("WebM blocks with lacing are not supported; MediaRecorder does not write them.");
        }

        return (track, block[(pos + 3)..]);
    }

    private static long ReadUnsigned(ReadOnlySpan<byte> value)
    {
        long result = 0;
        foreach (var b in value)
        {
            result = (result << 8) | b;
        }

        return result;
    }

    /// <summary>An EBML variable-length integer's byte count: one more than the leading zero bits of its first byte.</summary>
    private static int VintLength(byte first) => System.Numerics.BitOperations.LeadingZeroCount((uint)first) - 23;

    /// <summary>Element ids keep their length marker bits (0x1A45DFA3 is the id as written).</summary>
    private static bool TryReadId(ReadOnlySpan<byte> data, ref int pos, out uint id)
    {
        id = 0;
        if (pos >= data.Length || data[pos] == 0)
        {
            return false;
        }

        var length = VintLength(data[pos]);
        if (length > 4 || pos + length > data.Length)
        {
            return false;
        }

        for (var i = 0; i < length; i++)
        {
            id = (id << 8) | data[pos + i];
        }

        pos += length;
        return true;
    }

    /// <summary>A size vint with its marker bit removed; all ones means "unknown size", returned as -1.</summary>
    private static bool TryReadSize(ReadOnlySpan<byte> data, ref int pos, out long size)
    {
        size = 0;
        if (pos >= data.Length || data[pos] == 0)
        {
            return false;
        }

        var length = VintLength(data[pos]);
        if (pos + length > data.Length)
        {
            return false;
        }

        size = data[pos] & (0xFF >> length);
        var allOnes = size == 0xFF >> length;
        for (var i = 1; i < length; i++)
        {
            size = (size << 8) | data[pos + i];
            allOnes &= data[pos + i] == 0xFF;
        }

        pos += length;
        if (allOnes)
        {
            size = -1;
        }

        return true;
    }
}
