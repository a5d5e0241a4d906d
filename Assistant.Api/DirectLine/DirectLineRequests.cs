using System.Globalization;
using System.Text.Json;
using Assistant.Api.Endpoints;
using Assistant.Bot.Protocol;

namespace Assistant.Api.DirectLine;

/// <summary>Reads a small JSON body with clear 4xx problems (bad JSON, wrong content type, too large) instead of a bare 400.</summary>
public static class DirectLineRequests
{
    /// <summary>Web Chat's activities are well under 10 KB; anything larger is not a chat message.</summary>
    public const int MaxBodyBytes = 64 * 1024;

    public static async Task<(T? Value, IResult? Problem)> ReadJsonAsync<T>(HttpRequest request, bool required)
        where T : class
    {
        var body = await RequestBody.ReadLimitedAsync(request, MaxBodyBytes, request.HttpContext.RequestAborted);
        if (body is null)
        {
            return (null, TooLarge());
        }

        if (body.Length == 0)
        {
            return (null, required ? BadRequest("A JSON body is required.") : null);
        }

        if (!request.HasJsonContentType())
        {
            return (null, ApiProblem.Of(415, "Unsupported media type", "Send the body as application/json."));
        }

        try
        {
            var value = JsonSerializer.Deserialize<T>(body, ActivityJson.Options);
            return value is null && required ? (null, BadRequest("A JSON object is required.")) : (value, null);
        }
        catch (JsonException ex)
        {
            return (null, BadRequest($"The body is not valid JSON for this call: {ex.Message}"));
        }
    }

    /// <summary>Parses Direct Line's watermark (ours are log positions); missing means from the start.</summary>
    public static bool TryParseWatermark(string? watermark, out int position)
    {
        position = 0;
        return string.IsNullOrEmpty(watermark)
            || int.TryParse(watermark, NumberStyles.None, CultureInfo.InvariantCulture, out position);
    }

    public static IResult BadRequest(string detail) => ApiProblem.Of(400, "Invalid request", detail);

    private static IResult TooLarge() =>
        ApiProblem.Of(413, "Payload too large", $"The body is larger than {MaxBodyBytes / 1024} KB.");
}
