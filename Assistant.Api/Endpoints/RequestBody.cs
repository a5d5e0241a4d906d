using Assistant.Bot.Speech;

namespace Assistant.Api.Endpoints;

/// <summary>Reads request bodies into memory up to a limit, stopping as soon as the declared or actual size is over it.</summary>
internal static class RequestBody
{
    /// <summary>The body, or null when it is larger than <paramref name="maxBytes"/>.</summary>
    public static async Task<byte[]?> ReadLimitedAsync(HttpRequest request, int maxBytes, CancellationToken ct)
    {
        if (request.ContentLength > maxBytes)
        {
            return null;
        }

        using var buffer = new MemoryStream((int)Math.Min(request.ContentLength ?? 8 * 1024, maxBytes));
        var chunk = new byte[Math.Min(81920, maxBytes + 1)];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, ct)) > 0)
        {
            if (buffer.Length + read > maxBytes)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }

    /// <summary>An audio upload; over the limit it is refused with 413.</summary>
    public static async Task<byte[]> ReadAudioAsync(HttpRequest request, int maxBytes, CancellationToken ct) =>
        await ReadLimitedAsync(request, maxBytes, ct)
        ?? throw AudioRejectedException.TooLarge($"The audio is larger than {maxBytes / (1024 * 1024.0):0.#} MB.");
}
