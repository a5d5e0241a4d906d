namespace Assistant.Bot.Speech;

/// <summary>Sends a request to Azure Speech and turns every failure into one <see cref="SpeechServiceException"/>
/// whose message names the status but never the key.</summary>
internal static class AzureHttp
{
    public static async Task<HttpResponseMessage> SendAsync(HttpClient http, HttpRequestMessage request, string what, CancellationToken cancellationToken)
    {
        HttpResponseMessage response;
        try
        {
            response = await http.SendAsync(request, cancellationToken);
        }
        catch (HttpRequestException ex)
        {
            throw new SpeechServiceException($"Azure speech {what} could not be reached: {ex.Message}", ex);
        }
        catch (TaskCanceledException ex) when (!cancellationToken.IsCancellationRequested)
        {
            throw new SpeechServiceException($"Azure speech {what} timed out.", ex);
        }

        if (!response.IsSuccessStatusCode)
        {
            var code = (int)response.StatusCode;
            response.Dispose();
            var hint = code is 401 or 403 ? " (check Speech:Azure:Key and Region)" : "";
            throw new SpeechServiceException($"Azure speech {what} answered HTTP {code}{hint}.");
        }

        return response;
    }
}
