using System.Net.Http.Headers;

namespace Assistant.Bot.Speech;

/// <summary>
/// Turns an uploaded body into 16 kHz mono for recognition. The Content-Type picks the container; the first bytes must
/// agree with it, so a mislabelled body is a clear 400 ("says audio/wav but is Ogg") instead of a codec error.
/// </summary>
public static class AudioDecoder
{
    public const string Accepted = "audio/wav, audio/webm (Opus) or audio/ogg (Opus)";

    public static AudioClip DecodeTo16k(byte[] body, string? contentType, TimeSpan maxDuration)
    {
        var container = ContainerOf(contentType);
        if (body.Length == 0)
        {
            throw AudioRejectedException.Invalid("The request body is empty: send the recorded audio.");
        }

        var actual = Sniff(body);
        if (actual != container)
        {
            throw AudioRejectedException.Invalid(
                $"The Content-Type says {container} but the body is {actual?.ToString() ?? "not audio this service recognises"}.");
        }

        var maxSamples48k = (int)Math.Min(int.MaxValue - 1, maxDuration.TotalSeconds * 48_000);
        var clip = container switch
        {
            Container.Wav => WavDecoder.Decode(body),
            Container.WebM => OpusDecoder.Decode(WebmOpusReader.Read(body), maxSamples48k),
            _ => OpusDecoder.Decode(OggOpusReader.Read(body), maxSamples48k),
        };

        // Checked before resampling so an hour of audio costs a header read, not an hour of filtering.
        if (clip.Duration > maxDuration)
        {
            throw AudioRejectedException.TooLarge($"The audio is longer than {maxDuration.TotalSeconds:0} seconds.");
        }

        if (clip.Samples.IsEmpty)
        {
            throw AudioRejectedException.Invalid("The audio holds no samples.");
        }

        return Resampler.To(clip, AudioClip.RecognitionRate);
    }

    private enum Container
    {
        Wav,
        WebM,
        Ogg,
    }

    private static Container ContainerOf(string? contentType)
    {
        if (string.IsNullOrWhiteSpace(contentType) || !MediaTypeHeaderValue.TryParse(contentType, out var media))
        {
            throw AudioRejectedException.Unsupported($"Send the audio with its Content-Type: {Accepted}.");
        }

        var codecs = media.Parameters.FirstOrDefault(p => string.Equals(p.Name, "codecs", StringComparison.OrdinalIgnoreCase))?.Value?.Trim('"');
        var container = media.MediaType?.ToUpperInvariant() switch
        {
            "AUDIO/WAV" or "AUDIO/X-WAV" or "AUDIO/WAVE" or "AUDIO/VND.WAVE" => Container.Wav,
            "AUDIO/WEBM" or "VIDEO/WEBM" => Container.WebM,
            "AUDIO/OGG" or "AUDIO/OPUS" => Container.Ogg,
            _ => throw AudioRejectedException.Unsupported($"Content-Type {media.MediaType} is not supported; send {Accepted}."),
        };
        if (container != Container.Wav && codecs is not null && !codecs.Contains("opus", StringComparison.OrdinalIgnoreCase))
        {
            throw AudioRejectedException.Unsupported($"Codec {codecs} is not supported in {media.MediaType}; record Opus.");
        }

        return container;
    }

    private static Container? Sniff(ReadOnlySpan<byte> body) =>
        body.Length >= 12 && body[..4].SequenceEqual("RIFF"u8) && body[8..12].SequenceEqual("WAVE"u8) ? Container.Wav
        : WebmOpusReader.LooksLikeWebm(body) ? Container.WebM
        : OggOpusReader.LooksLikeOgg(body) ? Container.Ogg
        : null;
}
