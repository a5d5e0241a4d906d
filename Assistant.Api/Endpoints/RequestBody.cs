using Assistant.Bot.Speech;

namespace Assistant.Api.Endpoints;

/// <summary>Reads an upload into memory up to a limit, refusing (413) as soon as the declared or actual size is over it.</summary>
internal static class RequestBody
{
    public static async Task<byte[]> ReadAsync(HttpRequest request, int maxBytes, CancellationToken ct)
    {
        var tooLarge = $"The audio is larger than {maxBytes / (1024 * 1024.0):0.#} MB.";
        if (request.ContentLength > maxBytes)
        {
            throw AudioRejectedException.TooLarge(tooLarge);
        }

        using var buffer = new MemoryStream((int)Math.Min(request.ContentLength ?? 64 * 1024, maxBytes));
        var chunk = new byte[81920];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, ct)) > 0)
        {
            if (buffer.Length + read > maxBytes)
            {
                throw AudioRejectedException.TooLarge(tooLarge);
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }
}
